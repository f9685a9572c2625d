// The decision engine in the real page: every exam scenario as a deep link, the DOM contract,
// the controls, notices, deep links that round-trip, and the "done when" walkthroughs.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startSession } from './harness.mjs';
import { readScenarios, words } from './scenarios.mjs';

const PLATFORMS = [
  'ecs-fargate', 'ecs-ec2', 'eks-ec2', 'eks-fargate', 'app-runner',
  'ecs-express', 'batch', 'lambda', 'ecs-anywhere', 'eks-anywhere',
];

/** Every workload input key of the decision issue (a public contract). */
const DECISION_KEYS = [
  'workload', 'ops', 'k8s', 'gpu', 'privileged', 'daemonset', 'windows', 'block_storage', 'hybrid',
  'code_only', 'interruptible', 'steady', 'scale_to_zero', 'zero_downtime_rollback', 'gradual_rollout',
  'log_routing', 'service_discovery', 'mesh', 'queue_scaling', 'image_cleanup', 'image_scanning',
  'pack_for_cost', 'spread_for_availability', 'placement_strategy', 'lowest_cost', 'cross_vpc',
  'mixed_platforms', 'job_minutes', 'advice',
];

let s;
let page;
before(async () => {
  s = await startSession();
  page = await s.open();
});
after(async () => {
  await s?.close();
});

/** The recommendation's data attributes and every card's platform and status. */
async function snapshot(p = page) {
  return p.evaluate(() => {
    const r = document.querySelector('[data-testid="recommendation"]');
    const cards = [...document.querySelectorAll('[data-testid="option-card"]')].map((c) => ({
      platform: c.dataset.platform,
      status: c.dataset.status,
      rules: [...c.querySelectorAll('[data-testid="rule"]')].map((x) => x.dataset.rule),
      monthly: c.dataset.monthlyUsd,
    }));
    return {
      platform: r?.dataset.platform,
      capacity: r?.dataset.capacity,
      deploy: r?.dataset.deploy,
      extras: r?.dataset.extras ?? '',
      cards,
    };
  });
}

/** Opens the recommendation's folded "more changes" lists, so every change link can be clicked. */
async function openChanges() {
  await page.$$eval('[data-testid="recommendation"] details', (ds) => ds.forEach((d) => { d.open = true; }));
}

async function go(query) {
  await s.open(query, { page });
  await page.waitForSelector('[data-testid="recommendation"]');
  return snapshot();
}

test('every exam scenario, loaded as a deep link, shows its expected answer', async () => {
  const scenarios = readScenarios('decision.json');
  assert.ok(scenarios.length >= 25, `${scenarios.length} scenarios`);
  const failures = [];
  for (const sc of scenarios) {
    const got = await go(sc.query);
    const want = (k) => sc[k] ?? '';
    const check = (what, w, g) => {
      if (w !== g) failures.push(`${sc.id}: ${what} expected "${w}", got "${g}"`);
    };
    check('data-platform', want('platform'), got.platform);
    check('data-capacity', want('capacity'), got.capacity);
    check('data-deploy', want('deploy'), got.deploy);
    check('data-extras', words(want('extras')).join(' '), words(got.extras).join(' '));
    // One card per platform, exactly one of them recommended (none when nothing fits).
    check('cards', PLATFORMS.slice().sort().join(' '), got.cards.map((c) => c.platform).sort().join(' '));
    const rec = got.cards.filter((c) => c.status === 'recommended').map((c) => c.platform);
    check('recommended card', want('platform'), rec.join(' '));
    for (const pair of words(sc.ruled_out)) {
      const [p, rule] = pair.split(':');
      const card = got.cards.find((c) => c.platform === p);
      check(`${p} status`, 'ruled-out', card?.status);
      if (!card?.rules.includes(rule)) failures.push(`${sc.id}: ${p} should name rule ${rule}, names ${card?.rules}`);
    }
    for (const p of words(sc.viable)) check(`${p} status`, 'viable', got.cards.find((c) => c.platform === p)?.status);
  }
  assert.deepEqual(failures, []);
  s.assertClean('scenarios');
});

test('every decision input is a control carrying its URL key', async () => {
  await go('');
  for (const key of DECISION_KEYS) {
    assert.ok(await page.$(`[data-key="${key}"]`), `no control with data-key="${key}"`);
  }
});

test('a newcomer ticks "needs a GPU" with least operations: ECS on EC2, Fargate ruled out, trap explained', async () => {
  await go('');
  await page.check('input[data-key="gpu"]');
  await page.selectOption('select[data-key="ops"]', 'minimal');
  await page.waitForSelector('[data-testid="recommendation"][data-platform="ecs-ec2"]');
  const snap = await snapshot();
  const fargate = snap.cards.find((c) => c.platform === 'ecs-fargate');
  assert.equal(fargate.status, 'ruled-out');
  assert.ok(fargate.rules.includes('gpu-needs-ec2'));
  const trap = page.locator('[data-testid="recommendation"] [data-trap="least-ops-but-host-needs"]');
  assert.ok(await trap.isVisible());
  assert.match(await trap.innerText(), /GPU/);
  // The URL followed the controls, in place.
  await page.waitForFunction(() => /gpu=1/.test(location.search) && /ops=minimal/.test(location.search));
  // ECS Managed Instances shows on the ECS on EC2 card as today's low-operations way to get EC2.
  const ec2 = page.locator('[data-testid="option-card"][data-platform="ecs-ec2"]');
  assert.match(await ec2.innerText(), /ECS Managed Instances/);
  s.assertClean('gpu walkthrough');
});

test('code_only + minimal ops: App Runner for the exam key, ECS Express Mode today, each saying why', async () => {
  let snap = await go('code_only=1&ops=minimal&advice=exam');
  assert.equal(snap.platform, 'app-runner');
  const rec = page.locator('[data-testid="recommendation"]');
  const diff = rec.locator('[data-testid="advice-diff"][data-aspect="Top pick"]');
  assert.match(await diff.locator('[data-advice="exam"]').innerText(), /App Runner/);
  assert.match(await diff.locator('[data-advice="current"]').innerText(), /ECS Express Mode/);
  assert.equal(await diff.getAttribute('data-fact-date'), '2026-04-30');

  snap = await go('code_only=1&ops=minimal&advice=current');
  assert.equal(snap.platform, 'ecs-express');
  const ar = snap.cards.find((c) => c.platform === 'app-runner');
  assert.equal(ar.status, 'ruled-out');
  assert.ok(ar.rules.includes('app-runner-closed'));
  const arCard = page.locator('[data-testid="option-card"][data-platform="app-runner"]');
  assert.match(await arCard.innerText(), /30 April 2026/);
  s.assertClean('code only');
});

test('bad input is ignored or clamped, each with a visible notice', async () => {
  await go('util=500&gpu=maybe&nope=1&ops=tiny&job_minutes=-3');
  const notices = await page.$$eval('[data-testid="notice"]', (els) => els.map((e) => e.innerText));
  assert.equal(notices.length, 5, notices.join('\n'));
  assert.ok(notices.some((n) => /util=500/.test(n) && /100/.test(n)));
  assert.ok(notices.some((n) => /gpu=maybe/.test(n)));
  assert.ok(notices.some((n) => /nope/.test(n)));
  assert.ok(notices.some((n) => /ops=tiny/.test(n)));
  assert.ok(notices.some((n) => /job_minutes=-3/.test(n)));
  // The page still works: defaults where values were refused.
  assert.equal((await snapshot()).platform, 'ecs-fargate');
  // Notices can be dismissed.
  await page.click('[data-testid="notice"] button');
  assert.equal((await page.$$('[data-testid="notice"]')).length, 4);
  s.assertClean('notices');
});

test('a deep link reproduces the view exactly after a reload', async () => {
  await go('k8s=1&ops=minimal&interruptible=1&log_routing=1&util=35&tasks=12');
  const before = await snapshot();
  await page.reload();
  await page.waitForSelector('[data-testid="recommendation"]');
  assert.deepEqual(await snapshot(), before);
  s.assertClean('reload');
});

test('changing a control updates the URL in place without adding history', async () => {
  await go('');
  const historyLength = await page.evaluate(() => history.length);
  await page.check('input[data-key="k8s"]');
  await page.waitForFunction(() => location.search.includes('k8s=1'));
  assert.equal(await page.evaluate(() => history.length), historyLength, 'replaceState, not a new entry');
  assert.equal((await snapshot()).platform, 'eks-ec2');
  s.assertClean('url');
});

test('"what would change the answer" links apply the change', async () => {
  await go('gpu=1&ops=minimal');
  const link = page.locator('[data-testid="recommendation"] [data-testid="change"] a', { hasText: 'Needs GPUs' }).first();
  await link.click();
  await page.waitForSelector('[data-testid="recommendation"][data-platform="ecs-fargate"]');
  s.assertClean('flip');
});

test('packing tasks for cost means EC2: the change link ticks it and Fargate names the rule', async () => {
  await go('');
  await openChanges();
  const link = page.locator('[data-testid="recommendation"] [data-testid="change"] a', { hasText: 'Pack tasks for cost' }).first();
  assert.match(await link.getAttribute('href'), /pack_for_cost=1/);
  await link.click();
  await page.waitForSelector('[data-testid="recommendation"][data-platform="ecs-ec2"]');
  const snap = await snapshot();
  assert.deepEqual(words(snap.extras), ['binpack']);
  assert.ok(snap.cards.find((c) => c.platform === 'ecs-fargate').rules.includes('binpack-needs-instances'));
  s.assertClean('pack');
});

test('spread on Fargate: the recommendation says Fargate already spreads across zones', async () => {
  const snap = await go('spread_for_availability=1');
  assert.equal(snap.platform, 'ecs-fargate');
  const trap = page.locator('[data-testid="recommendation"] [data-trap="fargate-spreads-by-itself"]');
  assert.ok(await trap.isVisible());
  assert.match(await trap.innerText(), /Availability Zones/);
  s.assertClean('spread');
});

test('cheapest interruptible Windows tasks: EC2 Spot, with the Linux-only Fargate Spot trap', async () => {
  const snap = await go('windows=1&interruptible=1&lowest_cost=1');
  assert.equal(snap.platform, 'ecs-ec2');
  assert.equal(snap.capacity, 'spot');
  assert.ok(snap.cards.find((c) => c.platform === 'ecs-fargate').rules.includes('fargate-spot-linux-only'));
  assert.ok(await page.locator('[data-testid="recommendation"] [data-trap="fargate-spot-linux-only"]').isVisible());
  await openChanges();
  const link = page.locator('[data-testid="recommendation"] [data-testid="change"] a', { hasText: 'Lowest price first' }).first();
  await link.click();
  await page.waitForSelector('[data-testid="recommendation"][data-platform="ecs-fargate"][data-capacity="on-demand"]');
  s.assertClean('windows spot');
});

test('Batch on Spot: the exam key and today\'s advice side by side', async () => {
  for (const advice of ['exam', 'current']) {
    const snap = await go(`workload=batch&interruptible=1&job_minutes=240&advice=${advice}`);
    assert.equal(snap.platform, 'batch');
    assert.equal(snap.capacity, advice === 'exam' ? 'spot' : 'fargate-spot');
    const diff = page.locator('[data-testid="recommendation"] [data-testid="advice-diff"][data-aspect="Batch compute"]');
    assert.match(await diff.locator('[data-advice="exam"]').innerText(), /EC2 Spot/);
    assert.match(await diff.locator('[data-advice="current"]').innerText(), /Fargate Spot/);
  }
  s.assertClean('batch spot');
});

test('calls across VPCs or from EKS to ECS never get App Mesh, in either advice', async () => {
  for (const q of ['cross_vpc=1&mesh=1', 'mixed_platforms=1&mesh=1&k8s=1']) {
    for (const advice of ['exam', 'current']) {
      const snap = await go(`${q}&advice=${advice}`);
      assert.ok(words(snap.extras).includes('vpc-lattice'), `${q} ${advice}: ${snap.extras}`);
      assert.ok(!words(snap.extras).includes('app-mesh'), `${q} ${advice}: ${snap.extras}`);
      assert.ok(await page.locator('[data-testid="recommendation"] [data-trap="app-mesh-not-across-vpcs"]').isVisible());
    }
  }
  s.assertClean('lattice');
});

test('the copy-link control copies this exact view', async () => {
  await s.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: s.origin });
  await go('workload=batch&interruptible=1');
  await page.click('[data-testid="copy-link"]');
  await page.waitForFunction(() => document.querySelector('.header__status')?.textContent.includes('copied'));
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  assert.ok(copied.startsWith(s.url), copied);
  assert.match(copied, /workload=batch/);
  assert.match(copied, /interruptible=1/);
  s.assertClean('copy link');
});
