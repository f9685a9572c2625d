// Offline first: after one visit the service worker has every asset, so with the server gone and
// the network off a reload gives a working app, deep links included.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startSession } from './harness.mjs';

let s;
before(async () => { s = await startSession(); });
after(async () => { await s?.close(); });

test('reload with the network off after a first visit gives a working app', async () => {
  const page = await s.open('', { waitFor: '[data-testid="recommendation"]' });
  // Wait until the service worker has installed (precached everything) and controls the page.
  await page.evaluate(async () => { await navigator.serviceWorker.ready; });
  await page.reload();
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 10000 });
  const manifest = await page.evaluate(() => document.querySelector('link[rel="manifest"]').href);
  assert.ok(manifest.startsWith(s.url), manifest);

  // Network off, and the server gone too.
  await s.context.setOffline(true);
  await s.server.server.closeAllConnections?.();
  await s.server.close();
  await page.goto(`${s.url}?gpu=1&ops=minimal&tasks=8`);
  await page.waitForSelector('[data-testid="recommendation"]');
  assert.equal(await page.locator('[data-testid="recommendation"]').getAttribute('data-platform'), 'ecs-ec2');
  // Still interactive: a slider move recomputes the cards offline.
  const card = page.locator('[data-testid="option-card"][data-platform="ecs-ec2"]');
  const before = await card.getAttribute('data-monthly-usd');
  await page.$eval('input[type="range"][data-key="tasks"]', (el) => {
    el.value = '20';
    el.dispatchEvent(new Event('input', { bubbles: true }));
  });
  await page.waitForFunction((b) => document.querySelector('[data-testid="option-card"][data-platform="ecs-ec2"]').dataset.monthlyUsd !== b, before);
  assert.notEqual(await card.getAttribute('data-monthly-usd'), before);
  s.assertClean('offline');
});
