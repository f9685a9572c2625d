// Embedding in a lesson: a host page on another origin frames the app, receives its height and
// state messages, and the lesson's locked inputs cannot be changed.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { startSession, ROOT } from './harness.mjs';
import { serve } from '../../scripts/serve.mjs';

let s;
let host;
before(async () => {
  s = await startSession();
  // The host page lives on another origin, as a course platform would.
  const page = readFileSync(resolve(ROOT, 'examples/host.html'), 'utf8').replace('../dist/', s.url);
  host = await serve({ root: resolve(ROOT, 'examples'), extra: { '/lesson.html': ['text/html', page] } });
  s.allowOrigin(host.origin);
});
after(async () => {
  await s?.close();
  await host?.close();
});

const LESSON = 'gpu=1&ops=minimal&embed=1&panels=cards,chart-util&lock=gpu,ops';

async function messages(page) {
  return page.evaluate(() => document.getElementById('log').textContent.trim().split('\n').filter(Boolean).map((l) => JSON.parse(l)));
}

test('a host page receives height and state messages and sizes the frame', async () => {
  const page = await s.context.newPage();
  await page.goto(`${host.origin}/lesson.html`);
  const frame = page.frameLocator('#berth');
  await frame.locator('[data-testid="recommendation"]').waitFor();
  await page.waitForFunction(() => document.getElementById('log').textContent.includes('berth:resize'));
  await page.waitForFunction(() => document.getElementById('log').textContent.includes('berth:state'));
  const msgs = await messages(page);
  const resize = msgs.filter((m) => m.type === 'berth:resize').at(-1);
  assert.ok(resize.height > 200, JSON.stringify(resize));
  const frameHeight = await page.evaluate(() => document.getElementById('berth').getBoundingClientRect().height);
  assert.ok(Math.abs(frameHeight - resize.height) <= 1, `${frameHeight} vs ${resize.height}`);
  const state = msgs.filter((m) => m.type === 'berth:state').at(-1);
  const platform = await frame.locator('[data-testid="recommendation"]').getAttribute('data-platform');
  assert.equal(state.recommendation.platform, platform);
  assert.ok(state.query.includes('gpu=1'), state.query);
  // No page chrome, only the panels asked for.
  assert.equal(await frame.locator('[data-testid="copy-link"]').count(), 0);
  assert.equal(await frame.locator('#chart-tasks').count(), 0);
  assert.equal(await frame.locator('#chart-util').count(), 1);
  s.assertClean('host');
  await page.close();
});

test('a locked lesson cannot change its locked inputs', async () => {
  const page = await s.open(`${LESSON}&panels=inputs,cards`, { waitFor: '[data-testid="recommendation"]' });
  const gpu = page.locator('input[data-key="gpu"]');
  assert.equal(await gpu.isDisabled(), true);
  assert.equal(await gpu.isChecked(), true);
  assert.equal(await page.locator('select[data-key="ops"]').isDisabled(), true);
  const before = await page.locator('[data-testid="recommendation"]').getAttribute('data-platform');
  await gpu.click({ force: true }).catch(() => {});
  await page.keyboard.press('Space');
  assert.equal(await gpu.isChecked(), true);
  // An unlocked input still works.
  await page.locator('input[data-key="interruptible"]').check();
  await page.waitForFunction(() => document.querySelector('[data-testid="recommendation"]').dataset.capacity !== 'on-demand');
  assert.equal(await page.locator('[data-testid="recommendation"]').getAttribute('data-platform'), before);
  // "What would change the answer" links never offer a locked input.
  const hrefs = await page.locator('[data-testid="change"] a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
  for (const h of hrefs) assert.ok(!/[?&]gpu=0/.test(h), h);
  s.assertClean('locks');
  await page.close();
});

test('the embed code for the current state is a working snippet', async () => {
  const page = await s.open('gpu=1&ops=minimal', { waitFor: '[data-testid="recommendation"]' });
  await page.locator('[data-testid="embed"]').click();
  const code = await page.locator('[data-testid="embed-code"]').inputValue().catch(() => page.locator('[data-testid="embed-code"]').innerText());
  assert.match(code, /<iframe src="[^"]*\?[^"]*gpu=1/);
  assert.match(code, /embed=1/);
  assert.match(code, /berth:resize/);
  const src = code.match(/<iframe src="([^"]*)"/)[1].replaceAll('&amp;', '&');
  assert.ok(src.startsWith(s.url), src);
  s.assertClean('embed code');
  await page.close();
});
