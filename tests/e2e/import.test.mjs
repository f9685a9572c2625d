// The Import panel in the real page: each sample file (the core's fixtures) sets the URL and the
// recommendation; undo puts the inputs back; garbage, binary, truncated, explosive and huge input
// give an error and leave the inputs alone, with the page still responsive; the parser's worker
// is fetched only when the panel opens; axe finds nothing on the open panel.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { startSession, ROOT } from './harness.mjs';

const FIXTURES = resolve(ROOT, 'core/tests/fixtures/import');
const sample = (name) => readFileSync(resolve(FIXTURES, name), 'utf8');

// What each sample must give on a first visit (the same figures as core/tests/import_fixtures.rs).
const SAMPLES = [
  ['ecs-registered-gpu.json', 'gpu=1&cpu=4&mem=16', 3],
  ['ecs-describe-windows.json', 'windows=1&log_routing=1&cpu=1.5&mem=2.5&storage=30', 6],
  ['ecs-daemon-agent.yaml', 'privileged=1&daemonset=1&log_routing=1&cpu=0.25&mem=0.5&arch=arm', 7],
  ['ecs-describe-services.json', 'tasks=12', 2],
  ['k8s-deployment-gpu.yaml', 'k8s=1&gpu=1&tasks=6&cpu=2&mem=6.93&storage=40&arch=arm', 8],
  ['k8s-daemonset-hostpath.yaml', 'k8s=1&privileged=1&daemonset=1&cpu=0.25&mem=0.5', 5],
  ['k8s-list-statefulset.json', 'k8s=1&block_storage=1&tasks=3&cpu=2&mem=4', 5],
  ['k8s-cronjob-windows.yaml', 'workload=batch&k8s=1&windows=1&cpu=2&mem=3', 5],
  ['k8s-job-and-pod.yaml', 'workload=batch&k8s=1&gpu=1&tasks=20&cpu=4&mem=16', 6],
  ['compose-web.yaml', 'cpu=0.5&mem=1&arch=arm', 5],
  ['compose-legacy.json', 'privileged=1&cpu=1.5', 5],
];

let s;
// axe is injected as a script, which the page's CSP would refuse: bypass it for this suite only.
before(async () => { s = await startSession({ context: { bypassCSP: true } }); });
after(async () => { await s?.close(); });

const search = (page) => page.evaluate(() => location.search.replace(/^\?/, ''));
const headline = (page) => page.textContent('[data-testid="rec-headline"]');

/** Waits until the address bar holds `q` (it follows the inputs 150 ms after a change). */
async function urlIs(page, q) {
  await page.waitForFunction((want) => location.search.replace(/^\?/, '') === want, q, { timeout: 5000 })
    .catch(async () => assert.equal(await search(page), q));
}

async function openPanel(page) {
  await page.click('[data-testid="import-open"]');
  await page.waitForSelector('[data-testid="import-text"]');
}

/** Pastes `text` (or sets it in the page, for huge texts) and applies it; returns the outcome. */
async function apply(page, text, { inPage = false } = {}) {
  if (inPage) {
    await page.evaluate((t) => { document.querySelector('[data-testid="import-text"]').value = t; }, text);
  } else {
    await page.fill('[data-testid="import-text"]', text);
  }
  await page.click('[data-testid="import-apply"]');
  await page.waitForSelector('[data-testid="import-field"], [data-testid="import-error"]', { timeout: 15000 });
}

test('the parser is fetched only when the panel opens', async () => {
  // The page's own fetches (the service worker precaches every file later, in the background).
  const fetched = (page) => page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name).filter((n) => n.includes('import_worker')));
  const page = await s.open();
  assert.deepEqual(await fetched(page), [], 'the worker was fetched on the first load');
  await openPanel(page);
  await apply(page, sample('ecs-registered-gpu.json'));
  assert.ok(s.requests.some((u) => u.includes('import_worker_bg.wasm')), 'the worker wasm was not fetched');
  assert.equal(await page.locator('[data-testid="import-error"]').count(), 0);
  await page.close();
  s.assertClean('lazy worker');
});

for (const [name, query, fields] of SAMPLES) {
  test(`import ${name}: the URL, the list and the recommendation follow`, async () => {
    const page = await s.open();
    await openPanel(page);
    await apply(page, sample(name));
    assert.equal(await page.locator('[data-testid="import-error"]').count(), 0);
    await urlIs(page, query);
    const listed = await page.$$eval('[data-testid="import-field"]', (els) => els.map((e) => [e.dataset.key, e.dataset.value, e.textContent]));
    assert.equal(listed.length, fields, JSON.stringify(listed));
    for (const [key, value, words] of listed) {
      assert.ok(key && value !== undefined && words.includes(' from '), JSON.stringify([key, value, words]));
    }
    // The recommendation is the one a link to the same inputs gives.
    const direct = await s.open(query);
    assert.equal(await headline(page), await headline(direct));
    assert.equal(
      await page.getAttribute('[data-testid="recommendation"]', 'data-platform'),
      await direct.getAttribute('[data-testid="recommendation"]', 'data-platform'),
    );
    await direct.close();
    await page.close();
    s.assertClean(name);
  });
}

test('a GPU task definition lists its path in words, and a clamped value says so', async () => {
  const page = await s.open();
  await openPanel(page);
  await apply(page, sample('ecs-registered-gpu.json'));
  const gpu = await page.textContent('[data-testid="import-field"][data-key="gpu"]');
  assert.ok(gpu.includes('containerDefinitions[0].resourceRequirements: GPU 1'), gpu);
  await apply(page, sample('k8s-daemonset-hostpath.yaml'));
  const cpu = page.locator('[data-testid="import-field"][data-key="cpu"]');
  assert.equal(await cpu.getAttribute('data-value'), '0.25');
  assert.match(await cpu.textContent(), /below the minimum/);
  assert.ok(await page.locator('[data-testid="import-ignored"]').count() >= 0);
  await page.close();
  s.assertClean('paths');
});

test('undo puts back the inputs from before the import', async () => {
  const start = 'gpu=1&tasks=7&region=eu-west-1';
  const page = await s.open(start);
  const before = await headline(page);
  await openPanel(page);
  await apply(page, sample('k8s-cronjob-windows.yaml'));
  await urlIs(page, 'workload=batch&k8s=1&gpu=1&windows=1&tasks=7&cpu=2&mem=3&region=eu-west-1');
  await page.click('[data-testid="import-undo"]');
  await urlIs(page, start);
  assert.equal(await headline(page), before);
  await page.close();
  s.assertClean('undo');
});

test('a Compose file with several services offers a choice', async () => {
  const page = await s.open();
  await openPanel(page);
  await apply(page, sample('compose-web.yaml'));
  await urlIs(page, 'cpu=0.5&mem=1&arch=arm');
  await page.selectOption('[data-testid="import-service"]', 'worker');
  await page.waitForSelector('[data-testid="import-field"][data-key="daemonset"]');
  // Read on top of the inputs from before the import, not on top of the first service.
  await urlIs(page, 'gpu=1&privileged=1&daemonset=1&cpu=2&mem=3');
  await page.close();
  s.assertClean('compose choice');
});

const bomb = (() => {
  let t = 'apiVersion: v1\nkind: Pod\nmetadata:\n  l0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n';
  for (let i = 1; i < 10; i++) t += `  l${i}: &l${i} [${Array(10).fill(`*l${i - 1}`).join(', ')}]\n`;
  return `${t}spec: {containers: [{name: x}]}\n`;
})();

const BAD = [
  ['random text', 'just some words: that are : not [ a manifest'],
  ['truncated JSON', sample('ecs-describe-windows.json').slice(0, 400)],
  ['binary', '\u0089PNG\r\n\u001a\n\u0000\u0000\u0000\rIHDR\u0000\u0000'],
  ['an alias bomb', bomb],
  ['deep nesting', `${'['.repeat(20000)}1${']'.repeat(20000)}`],
  ['an unknown JSON document', '{"name": "not a task definition"}'],
];

for (const [label, text] of BAD) {
  test(`${label} gives an error and leaves the inputs alone`, async () => {
    const start = 'tasks=9&cpu=2';
    const page = await s.open(start);
    await openPanel(page);
    await apply(page, text);
    assert.ok((await page.textContent('[data-testid="import-error"]')).length > 20);
    assert.equal(await page.locator('[data-testid="import-field"]').count(), 0);
    await page.waitForTimeout(300);
    assert.equal(await search(page), start);
    await page.close();
    s.assertClean(label);
  });
}

for (const mb of [1, 10]) {
  test(`a ${mb} MB paste is refused at once, the page stays responsive`, async () => {
    const start = 'tasks=9&cpu=2';
    const page = await s.open(start);
    await openPanel(page);
    await page.evaluate((n) => { document.querySelector('[data-testid="import-text"]').value = 'a: b\n'.repeat(n * 1048576 / 5); }, mb);
    // The refusal is a moment's work on the main thread: the handler runs synchronously on click.
    const ms = await page.evaluate(() => {
      const t0 = performance.now();
      document.querySelector('[data-testid="import-apply"]').click();
      return performance.now() - t0;
    });
    await page.waitForSelector('[data-testid="import-error"]', { timeout: 5000 });
    assert.ok(ms < 500, `the click took ${ms} ms`);
    assert.match(await page.textContent('[data-testid="import-error"]'), /at most 512 KB/);
    await page.waitForTimeout(300);
    assert.equal(await search(page), start);
    await page.close();
    s.assertClean(`${mb} MB`);
  });
}

test('axe finds nothing on the open panel, with a result and an error', async () => {
  const page = await s.open();
  await openPanel(page);
  await apply(page, sample('compose-web.yaml'));
  const scan = async (label) => {
    await page.addScriptTag({ path: resolve(ROOT, 'node_modules/axe-core/axe.min.js') });
    const r = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
    const v = r.violations.map((x) => `${x.id}: ${x.help} ${x.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
    assert.deepEqual(v, [], `${label}: ${v.join('\n')}`);
  };
  await scan('result');
  await apply(page, 'not: [valid');
  await scan('error');
  await page.close();
  s.assertClean('axe');
});
