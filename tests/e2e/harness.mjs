// End-to-end harness: serves the release bundle (dist/) under a sub-path on loopback, drives
// Debian's Chromium with playwright-core (no browser download), and records what every test must
// never see: a request to another origin, a console error, an uncaught page error.
import { resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { serve } from '../../scripts/serve.mjs';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const CHROME = process.env.CHROME_PATH || '/usr/bin/chromium';
/** Served under a sub-path on purpose: the bundle must only use relative URLs. */
export const BASE = '/courses/aws/containers/berth/';

/** A host lesson page that frames the app (`?src=` names the frame's address) and records every message it
 * receives in `window.__messages`, for the tests of what an embedded app posts to its host. */
export const HOST_PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>Host lesson</title></head><body>
<h1>A lesson</h1><iframe id="lesson" title="Berth study" width="900" height="1000" style="border:0"></iframe>
<script>
window.__messages = [];
window.addEventListener('message', function (e) { window.__messages.push(e.data); });
document.getElementById('lesson').src = new URLSearchParams(location.search).get('src');
</script></body></html>`;

export const CHROME_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
  '--disable-sync', '--no-first-run', '--disable-quic', '--disable-default-apps',
];

/**
 * Waits until the page is complete: the first render holds the answer, and the costs, charts,
 * commitments and catalog follow a frame later (`main` is `aria-busy` until then).
 */
export async function settled(page) {
  await page.waitForFunction(() => !document.querySelector('main[aria-busy="true"]'), null, { timeout: 15000 });
}

export async function launch() {
  return chromium.launch({ executablePath: CHROME, headless: true, args: CHROME_ARGS });
}

/**
 * Starts a server and a browser context. Options: `extra` pages to serve ({path: [type, body]}),
 * `context` options for Playwright, `base` sub-path, `compress` ('gzip' or 'br': served as a static
 * host does, for the bench; the tests use the plain server).
 */
export async function startSession({ extra = {}, context: ctxOptions = {}, base = BASE, compress = null } = {}) {
  const dist = resolve(ROOT, 'dist');
  if (!existsSync(resolve(dist, 'index.html'))) throw new Error('dist/ is missing: run ./dev build first');
  const server = await serve({ root: dist, base, extra, compress });
  const browser = await launch();
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, ...ctxOptions });
  const problems = [];
  const requests = [];
  const allowed = new Set([server.origin]);
  const watch = (page) => {
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(`console error on ${page.url()}: ${m.text()}`);
    });
    page.on('pageerror', (e) => problems.push(`page error on ${page.url()}: ${e.message}`));
  };
  context.on('page', watch);
  context.on('request', (r) => {
    requests.push(r.url());
    const u = new URL(r.url());
    if (!['data:', 'blob:'].includes(u.protocol) && !allowed.has(u.origin)) {
      problems.push(`request to another origin: ${r.url()}`);
    }
  });
  const s = {
    server, browser, context, origin: server.origin, url: server.url, requests,
    /** Opens the app with a query string (no leading '?'), in `page` or a new page. */
    async open(query = '', { page, waitFor = '.app', path = '' } = {}) {
      const p = page ?? (await context.newPage());
      const q = query.startsWith('?') ? query.slice(1) : query;
      await p.goto(`${server.url}${path}${q ? `?${q}` : ''}`, { waitUntil: 'load' });
      if (waitFor) {
        await p.waitForSelector(waitFor, { timeout: 15000 });
        await settled(p);
      }
      return p;
    },
    /** Throws if anything went wrong since the last check (then starts over). */
    assertClean(label = '') {
      const found = problems.splice(0);
      if (found.length) throw new Error(`${label}: ${found.length} problem(s)\n  ${found.join('\n  ')}`);
    },
    problems,
    /** Lets a test's own second origin (a host page framing the app) through the request check. */
    allowOrigin(origin) { allowed.add(origin); },
    async close() {
      await context.close().catch(() => {});
      await browser.close().catch(() => {});
      await server.close();
    },
  };
  return s;
}
