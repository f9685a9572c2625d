// Capacity that follows traffic (issue 16) in the real page: old links keep their figures, AWS's
// Lambda examples reproduce to the cent through links, a deep link just below and just above a
// reported traffic crossing shows the two options in opposite order, the task control shows the
// derived peak, and the traffic box takes requests a month and writes `rps` exactly.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { startSession, ROOT } from './harness.mjs';

let s;
let page;
before(async () => {
  s = await startSession();
  page = await s.open();
});
after(async () => {
  await s?.close();
});

async function cards() {
  return page.evaluate(() => Object.fromEntries(
    [...document.querySelectorAll('[data-testid="option-card"]')].map((c) => [c.dataset.platform, c.dataset.monthlyUsd]),
  ));
}

/** "Cheapest viable" is 1, "#3 by cost" is 3; undefined without a rank. */
async function rank(platform) {
  const text = await page.$eval(`[data-testid="option-card"][data-platform="${platform}"]`, (c) => c.querySelector('.card__rank')?.textContent ?? '');
  if (/Cheapest/.test(text)) return 1;
  const m = text.match(/#(\d+)/);
  return m ? Number(m[1]) : undefined;
}

test('links made before issue 16 keep every card figure', async () => {
  // Taken from the model before the change (tests/scenarios/old-links.json).
  const links = JSON.parse(readFileSync(resolve(ROOT, 'tests/scenarios/old-links.json'), 'utf8'));
  for (const { link, cards: want } of links) {
    await s.open(link, { page });
    assert.deepEqual(await cards(), want, `?${link}`);
  }
  s.assertClean('old links');
});

test("AWS's Lambda examples, stated in requests a month, reproduce to the cent through links", async () => {
  // Requests a month, hours, ms, MB, free tier, arch, AWS's printed total (see core/tests/cost_examples.rs).
  const examples = [
    [3e6, 730, 120, 1536, true, 'x86', '2.73'],
    [7440000, 744, 2000, 1024, false, 'x86', '249.49'],
    [6e6, 730, 280, 4096, true, 'x86', '106.33'],
    [30e6, 720, 1000, 1024, false, 'x86', '506.00'],
    [300e6, 720, 200, 1024, false, 'x86', '1060.00'],
    [2e6, 720, 16000, 1024, true, 'arm', '421.54'],
  ];
  for (const [requests, hours, ms, mb, free, arch, total] of examples) {
    const rps = (requests / (hours * 3600)).toFixed(8);
    const link = `rps=${rps}&hours=${hours}&req_ms=${ms}&lambda_mb=${mb}&arch=${arch}${free ? '&free_tier=1' : ''}`;
    await s.open(link, { page });
    assert.equal((await cards()).lambda, total, `?${link}`);
    assert.equal(await page.locator('[data-testid="notice"]').count(), 0, `?${link}: no notice`);
  }
  s.assertClean('lambda examples');
});

test('just below and just above a reported traffic crossing the two options swap places', async () => {
  await s.open('scale=traffic', { page });
  const crossing = await page.$eval(
    '[data-testid="crossover"][data-axis="rps"][data-a="ecs-fargate"][data-b="lambda"], [data-testid="crossover"][data-axis="rps"][data-a="lambda"][data-b="ecs-fargate"]',
    (x) => ({ at: Number(x.dataset.at), text: x.textContent }),
  );
  assert.match(crossing.text, /requests per second \([\d.,]+ (million )?requests a month\)/, crossing.text);
  const below = (crossing.at - 0.01).toFixed(4);
  const above = (crossing.at + 0.01).toFixed(4);
  await s.open(`scale=traffic&rps=${below}`, { page });
  const low = await cards();
  const [lowFargate, lowLambda] = [await rank('ecs-fargate'), await rank('lambda')];
  await s.open(`scale=traffic&rps=${above}`, { page });
  const high = await cards();
  const [highFargate, highLambda] = [await rank('ecs-fargate'), await rank('lambda')];
  const order = (c) => Math.sign(Number(c.lambda) - Number(c['ecs-fargate']));
  assert.equal(order(low), -order(high), `${below}: ${low.lambda} / ${low['ecs-fargate']}, ${above}: ${high.lambda} / ${high['ecs-fargate']}`);
  assert.notEqual(order(low), 0);
  assert.equal(Math.sign(lowLambda - lowFargate), -Math.sign(highLambda - highFargate), 'ranks swap');
  s.assertClean('crossing');
});

test('the task control shows the derived peak, disabled, with the reason', async () => {
  await s.open('scale=traffic&rps=30&tasks=7', { page });
  const box = page.locator('input[data-role="number"][data-key="tasks"]');
  assert.equal(await box.inputValue(), '3');
  assert.ok(await box.isDisabled());
  const note = await page.locator('[data-testid="derived-note"][data-key="tasks"]').textContent();
  assert.match(note, /3 tasks/);
  await s.open('tasks=7', { page });
  assert.equal(await page.locator('[data-testid="derived-note"]').count(), 0);
  assert.ok(!(await page.locator('input[data-role="number"][data-key="tasks"]').isDisabled()));
  s.assertClean('derived');
});

test('the traffic box takes requests a month and writes rps exactly', async () => {
  await s.open('hours=730&req_ms=120&lambda_mb=1536&free_tier=1', { page });
  await page.selectOption('[data-testid="rps-unit"]', 'month');
  const box = page.locator('input[data-role="number"][data-key="rps"]');
  await box.fill('3000000');
  await box.press('Enter');
  await box.evaluate((el) => el.dispatchEvent(new Event('change', { bubbles: true })));
  await page.waitForFunction(() => location.search.includes('rps=1.14155251'));
  assert.equal(await box.inputValue(), '3000000');
  assert.match(await page.locator('[data-testid="rps-per-month"]').textContent(), /3 million requests a month/);
  assert.equal((await cards()).lambda, '2.73');
  s.assertClean('monthly unit');
});
