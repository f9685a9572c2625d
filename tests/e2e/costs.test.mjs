// The cost model in the real page: sliders move the figures and the crossovers, every figure is
// checked against a native run of the same model (core/examples/page.rs), crossovers really equalize
// the two options they name, and AWS's worked examples reproduce through deep links.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startSession } from './harness.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** What the native model says the page shows for a query. */
function model(query) {
  const out = execFileSync('cargo', ['run', '-q', '-p', 'berth-core', '--example', 'page', '--', query], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  return JSON.parse(out);
}

let s;
let page;
before(async () => {
  model(''); // build the example once before the clock of the first test starts
  s = await startSession();
  page = await s.open();
});
after(async () => {
  await s?.close();
});

/** Cards and crossovers as the page shows them, and the page's own query string. */
async function shown() {
  return page.evaluate(() => ({
    query: location.search.replace(/^\?/, ''),
    cards: [...document.querySelectorAll('[data-testid="option-card"]')].map((c) => ({
      platform: c.dataset.platform,
      status: c.dataset.status,
      monthly: c.dataset.monthlyUsd,
      compute: c.dataset.computeUsd,
    })),
    crossovers: [...document.querySelectorAll('[data-testid="crossover"]')].map((x) => ({
      axis: x.dataset.axis,
      a: x.dataset.a,
      b: x.dataset.b,
      at: x.dataset.at,
    })),
  }));
}

/** Sets a range input to `value` the way a drag does: value, then an input event. */
async function slide(key, value) {
  await page.$eval(
    `input[type="range"][data-key="${key}"]`,
    (el, v) => {
      el.value = String(v);
      el.dispatchEvent(new Event('input', { bubbles: true }));
    },
    value,
  );
}

/** Types an exact value into the number box beside a slider (a range input snaps to its step). */
async function type(key, value) {
  const box = page.locator(`input[data-role="number"][data-key="${key}"]`);
  await box.fill(String(value));
  await box.press('Enter');
  await box.evaluate((el) => el.dispatchEvent(new Event('change', { bubbles: true })));
}

/** Opens a card's details (their bodies render only while open) and returns the card. */
async function openCard(platform) {
  const card = page.locator(`[data-testid="option-card"][data-platform="${platform}"]`);
  const details = card.locator('details.card__more');
  if (!(await details.evaluate((d) => d.open))) await details.locator('summary').first().click();
  await card.locator('[data-line]').first().waitFor();
  return card;
}

/** Waits until the URL reflects the inputs (debounced) so that the page and the model agree on them. */
async function settle(fragment) {
  await page.waitForFunction((f) => location.search.includes(f), fragment);
}

function compare(got, want, label) {
  assert.deepEqual(
    got.cards.map((c) => [c.platform, c.status, c.monthly, c.compute]),
    want.cards.map((c) => [c.platform, c.status, c.monthly, c.compute]),
    `${label}: cards`,
  );
  assert.equal(got.crossovers.length, want.crossovers.length, `${label}: crossover count`);
  got.crossovers.forEach((x, i) => {
    const w = want.crossovers[i];
    assert.deepEqual([x.axis, x.a, x.b], [w.axis, w.a, w.b], `${label}: crossover ${i}`);
    assert.ok(Math.abs(Number(x.at) - Number(w.at)) < 1e-3, `${label}: crossover at ${x.at} vs ${w.at}`);
  });
}

test('every card carries a finite, non-negative monthly figure with two decimals', async () => {
  await s.open('', { page });
  const { cards } = await shown();
  for (const c of cards) {
    if (c.status === 'ruled-out' && c.monthly === '') continue;
    for (const v of [c.monthly, c.compute]) {
      assert.match(v, /^\d+\.\d{2}$/, `${c.platform}: "${v}"`);
    }
    assert.ok(Number(c.compute) <= Number(c.monthly) + 1e-9, c.platform);
  }
});

test('moving the utilization, task and traffic sliders updates every figure as the model says', async () => {
  await s.open('alb=1&nat=1&egress=1&ipv4=1', { page });
  for (const [key, values] of [
    ['util', [10, 35.5, 78, 100]],
    ['tasks', [1, 7, 40]],
    ['rps', [0, 55, 400]],
  ]) {
    for (const v of values) {
      await slide(key, v);
      await settle(`${key}=${v}`);
      const got = await shown();
      compare(got, model(got.query), `${key}=${v}`);
    }
  }
  s.assertClean('sliders');
});

test('keyboard on a slider moves it by its step and recomputes', async () => {
  await s.open('util=50', { page });
  const before = (await shown()).cards.find((c) => c.platform === 'ecs-fargate').monthly;
  await page.focus('input[type="range"][data-key="util"]');
  for (let i = 0; i < 4; i += 1) await page.keyboard.press('ArrowRight');
  await settle('util=52');
  const got = await shown();
  const after = got.cards.find((c) => c.platform === 'ecs-fargate').monthly;
  assert.ok(Number(after) > Number(before), `${before} -> ${after}`);
  compare(got, model(got.query), 'keyboard');
});

test('a crossover really equalizes the two options it names', async () => {
  await s.open('steady=1&tasks=6&cpu=1&mem=4', { page });
  const { crossovers } = await shown();
  const util = crossovers.find((x) => x.axis === 'util' && !x.a.includes(':') && !x.b.includes(':'));
  assert.ok(util, `a utilization crossover between two platforms: ${JSON.stringify(crossovers)}`);
  // At the crossover's utilization (to the input's two decimals) both options cost about the same.
  const at = Number(util.at).toFixed(2);
  await type('util', Number(at));
  await settle(`util=${Number(at)}`);
  const { cards } = await shown();
  const a = Number(cards.find((c) => c.platform === util.a).monthly);
  const b = Number(cards.find((c) => c.platform === util.b).monthly);
  assert.ok(Math.abs(a - b) <= Math.max(0.05, 0.002 * Math.max(a, b)), `${util.a} ${a} vs ${util.b} ${b} at ${at} %`);
  s.assertClean('crossover');
});

test('a crossover is labelled in words on its chart', async () => {
  await s.open('steady=1&tasks=6&cpu=1&mem=4', { page });
  const text = await page.locator('#chart-util [data-testid="crossover"]').first().innerText();
  assert.match(text, /becomes cheaper than .* (above|from) .*utilization/);
});

test('options that trade places again and again are listed once, as a run, and drawn as a band', async () => {
  await s.open('tasks=48&util=87&rps=658.2', { page });
  const chart = page.locator('#chart-tasks');
  const runs = chart.locator('[data-testid="crossover-run"]');
  assert.ok((await runs.count()) >= 1, 'a run is listed');
  const run = await runs.first().evaluate((el) => ({ ...el.dataset, text: el.innerText }));
  assert.equal(run.axis, 'tasks');
  assert.match(run.text, new RegExp(`trade places ${run.count} times`));
  assert.ok(Number(run.count) >= 4 && Number(run.from) < Number(run.to), JSON.stringify(run));
  // Its crossings stay in the DOM contract, hidden: every one of them names the same pair.
  const members = await chart.locator('[data-testid="crossover"][hidden]').evaluateAll((els) => els.map((e) => e.dataset));
  const inRun = members.filter((m) => [m.a, m.b].sort().join() === [run.a, run.b].sort().join() && Number(m.at) >= Number(run.from) && Number(m.at) <= Number(run.to));
  assert.equal(inRun.length, Number(run.count));
  // The list reads one item per single crossover and per run, numbered like the chart.
  const visible = await chart.locator('ol.crossovers > li:not([hidden])').count();
  const numbers = await chart.locator('.crossing text, .crossing-run text').allTextContents();
  assert.deepEqual(numbers.map(Number).sort((a, b) => a - b), Array.from({ length: visible }, (_, i) => i + 1));
  assert.ok(visible <= 12, `a short list: ${visible} items for ${members.length} hidden crossings`);
  assert.equal(await chart.locator('.crossing-run rect').count(), await runs.count(), 'one band per run');
  s.assertClean('runs');
});

test("AWS's Fargate worked examples reproduce through deep links, line by line", async () => {
  const cases = [
    ['tasks=5&cpu=1&mem=2&storage=30&hours=5&util=100', { 'fargate-vcpu': '$1.01', 'fargate-memory': '$0.22', 'fargate-storage': '$0.03' }, '1.26'],
    ['tasks=5&cpu=1&mem=2&storage=30&hours=5&util=100&arch=arm', { 'fargate-vcpu': '$0.81', 'fargate-memory': '$0.18', 'fargate-storage': '$0.03' }, '1.02'],
    ['tasks=10&cpu=1&mem=2&hours=30&util=100&windows=1', { 'fargate-vcpu': '$27.45', 'fargate-windows-licence': '$13.80', 'fargate-memory': '$6.00' }, '47.25'],
  ];
  for (const [query, lines, total] of cases) {
    await s.open(query, { page });
    const card = await openCard('ecs-fargate');
    assert.equal(await card.getAttribute('data-compute-usd'), total, query);
    for (const [id, amount] of Object.entries(lines)) {
      const cell = card.locator(`[data-line="${id}"] td`);
      assert.equal((await cell.textContent()).trim(), amount, `${query} ${id}`);
    }
  }
  s.assertClean('fargate examples');
});

test('the EKS on Fargate sizing example: a 1 vCPU / 8 GB pod is billed as 2 vCPU / 9 GB', async () => {
  await s.open('k8s=1&ops=minimal&cpu=1&mem=8', { page });
  const card = await openCard('eks-fargate');
  const text = await card.locator('[data-line="fargate-vcpu"]').textContent();
  assert.match(text, /2 vCPU/);
  const mem = await card.locator('[data-line="fargate-memory"]').textContent();
  assert.match(mem, /9 GB/);
});

test('line-item toggles add to the monthly figure but not to the compute figure', async () => {
  await s.open('', { page });
  const plain = (await shown()).cards.find((c) => c.platform === 'ecs-fargate');
  assert.equal(plain.monthly, plain.compute);
  await s.open('alb=1&nat=1&ipv4=1&egress=1&rps=50', { page });
  const withItems = (await shown()).cards.find((c) => c.platform === 'ecs-fargate');
  assert.equal(withItems.compute, plain.compute);
  assert.ok(Number(withItems.monthly) > Number(withItems.compute));
});

test('charts are drawn at the width of their column, so their labels stay legible on a phone; widening redraws them', async () => {
  const p = await s.context.newPage();
  await p.setViewportSize({ width: 360, height: 800 });
  await p.goto(`${s.url}?rps=250`);
  await p.waitForSelector('[data-testid="option-card"]');
  // One unit of the drawing is one CSS pixel once the chart knows its column's width.
  const fitted = () => [...document.querySelectorAll('.chart__svg')].every((svg) =>
    svg.viewBox.baseVal.width > 0 && Math.abs(svg.viewBox.baseVal.width - svg.getBoundingClientRect().width) < 1.5);
  await p.waitForFunction(fitted);
  const charts = () => p.$$eval('.chart__svg', (svgs) => svgs.map((svg) => {
    const label = svg.querySelector('.chart__xlabel').getBoundingClientRect();
    return { height: svg.viewBox.baseVal.height, labelPx: label.height, right: svg.getBoundingClientRect().right };
  }));
  const crossovers = () => p.$$eval('[data-testid="crossover"]', (els) => els.map((e) => `${e.dataset.axis}:${e.dataset.a}:${e.dataset.b}:${e.dataset.at}`));
  const narrow = await charts();
  assert.equal(narrow.length, 3);
  for (const c of narrow) {
    assert.equal(c.height, 250);
    assert.ok(c.labelPx >= 12, `tick labels ${c.labelPx.toFixed(1)} px tall`);
    assert.ok(c.right <= 360, 'no sideways scroll');
  }
  const before = await crossovers();
  await p.setViewportSize({ width: 1280, height: 800 });
  await p.waitForFunction(() => document.querySelector('.chart__svg').viewBox.baseVal.height === 240);
  await p.waitForFunction(fitted);
  assert.deepEqual(await crossovers(), before, 'the same crossovers at either size');
  await p.close();
  s.assertClean('narrow charts');
});
