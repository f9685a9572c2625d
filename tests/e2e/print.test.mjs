// The print stylesheet: a one-page handout with the recommendation, the cards and the charts.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startSession } from './harness.mjs';

let s;
before(async () => { s = await startSession(); });
after(async () => { await s?.close(); });

for (const query of ['steady=1&alb=1&tasks=6', 'code_only=1&ops=minimal&advice=exam&zero_downtime_rollback=1&mesh=1', 'gpu=1&ops=minimal']) test(`printing ${query} gives one A4 page with the cards and charts, without the inputs`, async () => {
  const page = await s.open(query, { waitFor: '[data-testid="recommendation"]' });
  await page.emulateMedia({ media: 'print' });
  const shown = await page.evaluate(() => {
    const visible = (sel) => [...document.querySelectorAll(sel)].some((e) => e.getClientRects().length > 0 && getComputedStyle(e).visibility !== 'hidden');
    return {
      rec: visible('[data-testid="recommendation"]'),
      cards: visible('[data-testid="option-card"]'),
      charts: visible('#chart-util svg'),
      crossovers: visible('[data-testid="crossover"]'),
      inputs: visible('[data-key="gpu"]'),
      sliders: visible('input[type="range"]'),
    };
  });
  const anyCrossover = await page.locator('[data-testid="crossover"]').count();
  assert.deepEqual(shown, { rec: true, cards: true, charts: true, crossovers: anyCrossover > 0, inputs: false, sliders: false });
  const pdf = await page.pdf({ format: 'A4', printBackground: false });
  const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page(?!s)/g) ?? []).length;
  assert.equal(pages, 1, `the handout runs to ${pages} pages`);
  s.assertClean('print');
  await page.close();
});
