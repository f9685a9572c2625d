// Accessibility: axe-core finds no violation in the main view, the embed view and the study view,
// in light and dark mode, wide and at 360 px; everything is reachable by keyboard.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { resolve } from 'node:path';
import { startSession, ROOT } from './harness.mjs';

const AXE = resolve(ROOT, 'node_modules/axe-core/axe.min.js');
let s;
// axe is injected as a script, which the page's CSP would refuse: bypass it for this suite only.
before(async () => { s = await startSession({ context: { bypassCSP: true } }); });
after(async () => { await s?.close(); });

async function scan(page, label) {
  await page.addScriptTag({ path: AXE });
  const result = await page.evaluate(async () => {
    // Open every disclosure so hidden content is scanned too.
    document.querySelectorAll('details').forEach((d) => { d.open = true; });
    await new Promise((r) => setTimeout(r, 100));
    return window.axe.run(document, { resultTypes: ['violations'] });
  });
  const v = result.violations.map((x) => `${x.id} (${x.impact}): ${x.help}\n    ${x.nodes.slice(0, 3).map((n) => n.target.join(' ')).join('\n    ')}`);
  assert.deepEqual(v, [], `${label}: axe violations\n  ${v.join('\n  ')}`);
}

const VIEWS = [
  ['main view', 'steady=1&alb=1&nat=1', '[data-testid="recommendation"]'],
  ['exam advice with differences', 'code_only=1&ops=minimal&advice=exam&zero_downtime_rollback=1', '[data-testid="advice-diff"]'],
  ['embed view', 'gpu=1&ops=minimal&embed=1&lock=gpu,ops', '[data-testid="recommendation"]'],
  ['study view', 'mode=study', '.app'],
  ['notices', 'util=500&bogus=1', '[data-testid="notice"]'],
];

for (const scheme of ['light', 'dark']) {
  for (const [label, query, ready] of VIEWS) {
    test(`axe: ${label}, ${scheme}`, async () => {
      const page = await s.context.newPage();
      await page.emulateMedia({ colorScheme: scheme });
      await s.open(query, { page, waitFor: ready });
      await scan(page, `${label} (${scheme})`);
      s.assertClean(label);
      await page.close();
    });
  }
}

// Printed (from either scheme): the printout's own colours and its inputs summary pass too.
for (const scheme of ['light', 'dark']) {
  test(`axe: printed from ${scheme} mode`, async () => {
    const page = await s.context.newPage();
    await page.emulateMedia({ colorScheme: scheme });
    await s.open('steady=1&gpu=1', { page, waitFor: '[data-testid="recommendation"]' });
    await page.emulateMedia({ colorScheme: scheme, media: 'print' });
    await scan(page, `print (${scheme})`);
    s.assertClean('print axe');
    await page.close();
  });
}

test('axe at 360 px wide, and nothing overflows the viewport', async () => {
  const page = await s.context.newPage();
  await page.setViewportSize({ width: 360, height: 740 });
  await s.open('steady=1', { page, waitFor: '[data-testid="recommendation"]' });
  await scan(page, '360px');
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.ok(overflow <= 0, `page scrolls sideways by ${overflow}px at 360px`);
  await page.close();
});

test('keyboard: Tab reaches the controls with a visible focus ring, and a slider moves with arrows', async () => {
  const page = await s.open('', { waitFor: '[data-testid="recommendation"]' });
  const seen = new Set();
  for (let i = 0; i < 60; i++) {
    await page.keyboard.press('Tab');
    const f = await page.evaluate(() => {
      const el = document.activeElement;
      const cs = getComputedStyle(el);
      return { key: el.dataset?.key ?? '', tag: el.tagName, ring: cs.outlineStyle !== 'none' || cs.boxShadow !== 'none' };
    });
    if (f.key) seen.add(f.key);
    assert.ok(f.ring || f.tag === 'BODY', `focused ${f.tag}[data-key=${f.key}] has no visible focus indicator`);
  }
  for (const k of ['workload', 'ops', 'k8s', 'gpu']) assert.ok(seen.has(k), `Tab never reached ${k}: ${[...seen]}`);
  const slider = page.locator('input[data-key="util"][type="range"]');
  await slider.focus();
  const v0 = Number(await slider.inputValue());
  await page.keyboard.press('ArrowRight');
  assert.ok(Number(await slider.inputValue()) > v0);
  s.assertClean('keyboard');
  await page.close();
});
