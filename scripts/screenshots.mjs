// Makes the README's pictures from the release build, so they show what the tool is today:
// the explore page (wide, light) and study mode, with Debian's Chromium and playwright-core
// (nothing downloaded). Run `./dev build` first, then `node scripts/screenshots.mjs`; the PNGs go
// to docs/ (docs/explore.png, docs/study.png), and README.md links them.
import { resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { existsSync, mkdirSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { serve } from './serve.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const CHROME = process.env.CHROME_PATH || '/usr/bin/chromium';
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
  '--disable-sync', '--no-first-run', '--disable-quic', '--disable-default-apps'];

/** What each picture shows: a query, the window, and where to scroll before the shot. */
const SHOTS = [
  { file: 'explore.png', query: 'tasks=20&util=70', width: 1280, height: 900, scrollTo: null },
  { file: 'explore-chart.png', query: 'tasks=20&util=70', width: 1280, height: 900, scrollTo: 'input[type="range"][data-key="util"]' },
  { file: 'study.png', query: 'mode=study', width: 1280, height: 900, scrollTo: null },
];

const dist = resolve(ROOT, 'dist');
if (!existsSync(resolve(dist, 'index.html'))) {
  console.error('dist/ is missing: run ./dev build first');
  process.exit(1);
}
const out = resolve(ROOT, 'docs');
mkdirSync(out, { recursive: true });
const server = await serve({ root: dist, base: '/' });
const browser = await chromium.launch({ executablePath: CHROME, headless: true, args: ARGS });
try {
  for (const shot of SHOTS) {
    const page = await browser.newPage({ viewport: { width: shot.width, height: shot.height }, colorScheme: 'light' });
    await page.goto(`${server.url}?${shot.query}`, { waitUntil: 'load' });
    await page.waitForFunction(() => document.querySelector('.app') && !document.querySelector('main[aria-busy="true"]'), null, { timeout: 15000 });
    if (shot.scrollTo) {
      await page.evaluate((sel) => document.querySelector(sel).scrollIntoView({ block: 'start' }), shot.scrollTo);
      await page.evaluate(() => window.scrollBy(0, -60));
    }
    await page.waitForTimeout(300);
    await page.screenshot({ path: resolve(out, shot.file) });
    console.log(`docs/${shot.file}`);
    await page.close();
  }
} finally {
  await browser.close();
  await server.close();
}
