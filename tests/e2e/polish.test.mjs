// What a careful user trips over (issue 23): phone tables, focus in the sidebar, printing from dark
// mode, locked embeds, history, internal ids and chart legibility, each checked in the real page.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { resolve, join } from 'node:path';
import { startSession, settled, ROOT } from './harness.mjs';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { serve } from '../../scripts/serve.mjs';

let s;
before(async () => { s = await startSession(); });
after(async () => { await s?.close(); });

/** WCAG contrast ratio of two `rgb(...)` colours. */
function contrast(a, b) {
  const lum = (c) => {
    const [r, g, bl] = c.match(/[\d.]+/g).slice(0, 3).map(Number).map((v) => {
      const x = v / 255;
      return x <= 0.03928 ? x / 12.92 : ((x + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

test('at 360 px every commitments cell lies inside the viewport, and its label goes with it', async () => {
  const page = await s.context.newPage();
  await page.setViewportSize({ width: 360, height: 800 });
  await s.open('steady=1&util=60', { page, waitFor: '[data-testid="recommendation"]' });
  const cells = await page.evaluate(() => [...document.querySelectorAll('[data-testid="commitment"] > *')].map((c) => {
    const r = c.getBoundingClientRect();
    const box = c.closest('.commit__scroll').getBoundingClientRect();
    return { text: c.textContent, label: c.dataset.label ?? '', left: r.left, right: r.right, boxLeft: box.left, boxRight: box.right, width: innerWidth };
  }));
  assert.ok(cells.length >= 4, `only ${cells.length} cells`);
  for (const c of cells) {
    assert.ok(c.left >= 0 && c.right <= c.width, `"${c.text}" spans ${c.left}..${c.right} in a ${c.width} px viewport`);
    assert.ok(c.left >= c.boxLeft - 0.5 && c.right <= c.boxRight + 0.5, `"${c.text}" is cut by its box`);
  }
  assert.ok(cells.some((c) => c.label === 'Break-even'), 'the break-even figure is labelled');
  s.assertClean('commitments at 360');
  await page.close();
});

test('tabbing through the desktop sidebar keeps every focused control fully in view', async () => {
  const page = await s.context.newPage();
  await page.setViewportSize({ width: 1280, height: 700 });
  await s.open('', { page, waitFor: '[data-testid="recommendation"]' });
  await page.locator('.panel--inputs select, .panel--inputs input').first().focus();
  let seen = 0;
  for (let i = 0; i < 80; i++) {
    const f = await page.evaluate(() => {
      const el = document.activeElement;
      if (!el.closest('.panel--inputs')) return null;
      const r = el.getBoundingClientRect();
      return { key: el.dataset.key ?? el.tagName, top: r.top, bottom: r.bottom, h: innerHeight };
    });
    if (!f) break;
    seen++;
    assert.ok(f.top >= 0 && f.bottom <= f.h, `${f.key} focused at ${f.top}..${f.bottom} in a ${f.h} px window`);
    await page.keyboard.press('Tab');
  }
  assert.ok(seen >= 15, `only ${seen} controls tabbed through`);
  s.assertClean('sidebar focus');
  await page.close();
});

test('printed from dark mode, the page uses the light colours and carries the inputs and the deep link', async () => {
  const page = await s.context.newPage();
  await page.emulateMedia({ colorScheme: 'dark' });
  await s.open('steady=1&gpu=1', { page, waitFor: '[data-testid="recommendation"]' });
  await page.emulateMedia({ colorScheme: 'dark', media: 'print' });
  const badges = await page.evaluate(() => [...document.querySelectorAll('.badge')]
    .filter((b) => b.getClientRects().length > 0)
    .map((b) => ({ text: b.textContent, color: getComputedStyle(b).color })));
  assert.ok(badges.length >= 3, `${badges.length} badges printed`);
  for (const b of badges) {
    const ratio = contrast(b.color, 'rgb(255, 255, 255)');
    assert.ok(ratio >= 4.5, `"${b.text}" prints ${b.color} on white: ${ratio.toFixed(2)}:1`);
  }
  const summary = page.locator('[data-testid="print-summary"]');
  assert.ok(await summary.isVisible(), 'the inputs summary is printed');
  const text = await summary.innerText();
  assert.match(text, /Needs GPUs\s*:?\s*yes/i);
  const href = await summary.locator('a').getAttribute('href');
  assert.ok(href.startsWith(s.url) && href.includes('gpu=1') && href.includes('steady=1'), href);
  assert.ok(text.includes(href), 'the printed link is written out in full');
  await page.emulateMedia({ colorScheme: 'dark', media: 'screen' });
  assert.equal(await summary.isVisible(), false, 'the summary is for print only');
  s.assertClean('print dark');
  await page.close();
});

const LESSON = 'gpu=1&ops=minimal&embed=1&panels=cards,chart-util&lock=gpu,ops';

test('a locked lesson offers no change to its locked inputs', async () => {
  const page = await s.open(LESSON, { waitFor: '[data-testid="recommendation"]' });
  const hrefs = await page.locator('[data-testid="change"] a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
  assert.ok(hrefs.length > 0, 'unlocked changes are still offered');
  for (const h of hrefs) {
    const q = new URLSearchParams(h.slice(h.indexOf('?') + 1));
    assert.equal(q.get('gpu'), '1', h);
    assert.equal(q.get('ops'), 'minimal', h);
  }
  s.assertClean('locked lesson');
  await page.close();
});

/** The heights an embed of `query` reports through `berth:resize` in a 600 px wide frame. */
async function embedHeight(query) {
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>Host</title>
    <style>body{margin:0} iframe{border:0;width:600px;height:400px}</style></head><body>
    <iframe id="berth" title="Berth" src="${s.url}?${query}"></iframe>
    <script>window.heights=[];addEventListener('message',(e)=>{if(e.data&&e.data.type==='berth:resize')window.heights.push(e.data.height)});</script>
    </body></html>`;
  const host = await serve({ root: resolve(ROOT, 'examples'), extra: { '/host.html': ['text/html', html] } });
  s.allowOrigin(host.origin);
  const page = await s.context.newPage();
  try {
    await page.goto(`${host.origin}/host.html`);
    await page.frameLocator('#berth').locator('[data-testid="recommendation"]').waitFor();
    await page.frameLocator('#berth').locator('main:not([aria-busy])').waitFor();
    await page.waitForFunction(() => window.heights.length > 0);
    await page.waitForTimeout(400);
    return await page.evaluate(() => window.heights.at(-1));
  } finally {
    await page.close();
    await host.close();
  }
}

test('an embedded lesson in a 600 px frame is compact, and panels=rec shows the recommendation alone', async () => {
  const h = await embedHeight(LESSON);
  assert.ok(h > 300 && h <= 2500, `the lesson embed reports ${h} px`);
  const rec = await embedHeight('gpu=1&ops=minimal&embed=1&panels=rec&lock=gpu,ops');
  assert.ok(rec > 200 && rec < h, `panels=rec reports ${rec} px`);
  const page = await s.open('gpu=1&embed=1&panels=rec', { waitFor: '[data-testid="recommendation"]' });
  assert.equal(await page.locator('[data-testid="option-card"]').count(), 0);
  assert.equal(await page.locator('[data-testid="chart"]').count(), 0);
  // Embedded cards show headline, status and price; the rest is behind their details.
  await s.open(LESSON, { page });
  const card = page.locator('[data-testid="option-card"]').first();
  assert.ok(await card.locator('.badge').isVisible());
  assert.equal(await card.locator('.card__reasons').isVisible(), false);
  s.assertClean('embed height');
  await page.close();
});

test('a "what would change" link adds a history entry, and Back returns to the scenario before it', async () => {
  const page = await s.open('steady=1', { waitFor: '[data-testid="recommendation"]' });
  const rec = page.locator('[data-testid="recommendation"]');
  const before = await rec.getAttribute('data-platform');
  const length = await page.evaluate(() => history.length);
  await page.locator('[data-testid="recommendation"] [data-testid="change"] a').first().click();
  await page.waitForFunction((p) => document.querySelector('[data-testid="recommendation"]').dataset.platform !== p, before);
  assert.equal(await page.evaluate(() => history.length), length + 1);
  await page.waitForTimeout(300);
  await page.goBack();
  await page.waitForFunction((p) => document.querySelector('[data-testid="recommendation"]').dataset.platform === p, before);
  assert.match(page.url(), /steady=1/);
  s.assertClean('history');
  await page.close();
});

test('answers name a missing rate in words and offer no change that leads nowhere', async () => {
  const page = await s.open('k8s=1&gpu=1&windows=1', { waitFor: '[data-testid="recommendation"]' });
  const text = await page.locator('main').innerText();
  assert.doesNotMatch(text, /missing rate/i);
  assert.doesNotMatch(text, /ec2\.ondemand/);
  assert.doesNotMatch(text, /nothing fits/);
  s.assertClean('missing rate');
  await page.close();
});

test('a task that does not fit its instance type has one status everywhere, with the fix', async () => {
  const page = await s.open('cpu=0.3&mem=12', { waitFor: '[data-testid="recommendation"]' });
  const card = page.locator('[data-testid="option-card"][data-platform="ecs-ec2"]');
  assert.equal(await card.getAttribute('data-status'), 'ruled-out');
  assert.match(await card.locator('.badge').innerText(), /does not fit/i);
  assert.doesNotMatch(await page.locator('[data-testid="recommendation"]').innerText(), /Also viable:[^\n]*ECS on EC2/);
  assert.equal(await page.locator('#chart-util [data-series="ecs-ec2"]').count(), 0);
  await card.locator('summary').first().click();
  await card.locator('[data-testid="change"] a').first().click();
  await page.waitForFunction(() => document.querySelector('[data-testid="option-card"][data-platform="ecs-ec2"]').dataset.status === 'viable');
  assert.match(page.url(), /instance=/);
  s.assertClean('fit');
  await page.close();
});

test('with GPUs ticked, the instance control says which type the EC2 options are priced on', async () => {
  const page = await s.open('gpu=1', { waitFor: '[data-testid="recommendation"]' });
  const note = page.locator('[data-testid="control-note"][data-key="instance"]');
  assert.match(await note.innerText(), /priced on g4dn\.xlarge: m5\.large has no GPU/);
  const described = await page.getAttribute('#in-instance', 'aria-describedby');
  assert.ok(described.split(' ').includes(await note.getAttribute('id')), 'screen readers hear the note with the select');
  await page.goto(page.url().replace('gpu=1', 'gpu=1&instance=g5.xlarge'));
  await page.waitForSelector('[data-testid="recommendation"]');
  await settled(page);
  assert.equal(await page.locator('[data-testid="control-note"][data-key="instance"]').count(), 0);
  s.assertClean('instance note');
  await page.close();
});

test('an import error from the open saved menu is shown inside the menu, not under it', async () => {
  const page = await s.open('', { waitFor: '[data-testid="recommendation"]' });
  await page.click('[data-testid="saved"] > summary');
  const dir = mkdtempSync(join(tmpdir(), 'berth-saved-'));
  const bad = join(dir, 'bad.json');
  writeFileSync(bad, '{"v":1,"scenarios":[{"name":');
  await page.setInputFiles('[data-testid="import-saved"]', bad);
  const status = page.locator('[data-testid="saved-status"]');
  await status.waitFor();
  assert.match(await status.innerText(), /not imported, nothing was changed/);
  // It is the topmost element where it is drawn: nothing of the menu covers it.
  const onTop = await status.evaluate((el) => {
    const r = el.getBoundingClientRect();
    const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
    return el.contains(hit);
  });
  assert.ok(onTop, 'the status line is visible');
  s.assertClean('saved import error');
  await page.close();
});

test('reasons name the question that decided them, never a step number the page does not show', async () => {
  for (const q of ['', 'gpu=1', 'k8s=1', 'workload=batch', 'ops=minimal', 'code_only=1&ops=minimal']) {
    const page = await s.open(q, { waitFor: '[data-testid="recommendation"]' });
    const text = await page.locator('main').innerText();
    assert.doesNotMatch(text, /\bStep \d/, `?${q}`);
    await page.close();
  }
  s.assertClean('step names');
});
