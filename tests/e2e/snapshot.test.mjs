// The build's snapshot of the first frame (src/snapshot.rs, tools/postbuild.mjs): a first visit
// sees the answer before the wasm has arrived, the snapshot is exactly the app's first frame, the
// app takes its place without a visible change, and any other visit never sees it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startSession, settled } from './harness.mjs';

let s;
before(async () => { s = await startSession(); });
after(async () => { await s?.close(); });

/**
 * Runs in the page from its start: records the app's first frame and the snapshot it replaced (as
 * structures to compare), where the option cards are in each, and how far the page has come.
 */
function watchSwap() {
  // Tag, attributes (sorted), the state of form fields and the children. Yew sets `value` and
  // `checked` as properties and the snapshot as attributes, so those two are compared as state.
  // The embed snippet holds the page's own address, which the build cannot know.
  const shape = (n) => {
    if (n.nodeType === Node.TEXT_NODE) return n.data;
    if (n.nodeType !== Node.ELEMENT_NODE) return null;
    const attrs = [...n.attributes]
      .filter((a) => !(['value', 'checked'].includes(a.name) && n.tagName === 'INPUT'))
      .map((a) => `${a.name === 'data-snapshot-testid' ? 'data-testid' : a.name}=${a.value}`)
      .sort();
    const state = n.tagName === 'INPUT' ? [n.type, n.value, n.checked] : n.tagName === 'SELECT' ? [n.selectedIndex] : [];
    // Adjacent text nodes are joined and empty ones dropped, as the HTML parser does (Yew keeps
    // each text of a template as a node of its own).
    const kids = [];
    for (const k of n.tagName === 'TEXTAREA' ? [] : [...n.childNodes].map(shape)) {
      if (typeof k === 'string' && typeof kids.at(-1) === 'string') kids[kids.length - 1] += k;
      else if (k !== null) kids.push(k);
    }
    if (kids.at(-1) === '') kids.pop();
    return [n.tagName, attrs, state, kids];
  };
  const rects = (root, attr) => [...root.querySelectorAll(`[${attr}="option-card"]`)].map((e) => {
    const r = e.getBoundingClientRect();
    return [r.x, r.y + scrollY, r.width, r.height].map((v) => Math.round(v * 10) / 10);
  });
  window.__shifts = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) if (!e.hadRecentInput) window.__shifts.push(e.value);
  }).observe({ type: 'layout-shift', buffered: true });
  // The moment the gate shows the snapshot, before anything of it is drawn: the cards are compared
  // with the app's at the same point of their life, when the app's frame has just gone in.
  new MutationObserver((_, mo) => {
    const snap = document.getElementById('snapshot');
    if (!snap || snap.hidden) return;
    mo.disconnect();
    window.__shown = { cards: rects(snap, 'data-snapshot-testid'), inert: snap.inert, parsing: document.readyState === 'loading' };
  }).observe(document, { subtree: true, attributes: true, attributeFilter: ['hidden'] });
  // Yew empties the body when it mounts and renders its first frame in the same task: the
  // snapshot goes in one mutation, the app's frame comes in the next.
  let snapshot = null;
  new MutationObserver((records, mo) => {
    for (const r of records) for (const n of r.removedNodes) if (n.id === 'snapshot') snapshot = n;
    const app = document.querySelector('body > .app');
    if (!snapshot || !app) return;
    mo.disconnect();
    window.__swap = {
      snapshot: JSON.stringify(shape(snapshot.firstElementChild)),
      app: JSON.stringify(shape(app)),
      cards: rects(app, 'data-testid'),
      busy: app.querySelector('main').getAttribute('aria-busy'),
    };
  }).observe(document, { subtree: true, childList: true });
}

/**
 * A first visit (fresh context: no storage, no service worker) whose wasm is held back until
 * `release()` is called, so the page stays on the snapshot. `init` runs in the page from its start.
 */
async function firstVisitHeld(viewport, init) {
  const ctx = await s.browser.newContext({ viewport, serviceWorkers: 'block' });
  const page = await ctx.newPage();
  if (init) await page.addInitScript(init);
  let release;
  const held = new Promise((r) => { release = r; });
  await page.route(/_bg\.wasm$/, async (route) => { await held; await route.continue(); });
  await page.goto(s.url, { waitUntil: 'domcontentloaded' });
  return { ctx, page, release };
}

test('a first visit sees the answer before the wasm has arrived, and the app takes its place unchanged', async () => {
  for (const viewport of [{ width: 1280, height: 900 }, { width: 360, height: 740 }]) {
    const { ctx, page, release } = await firstVisitHeld(viewport, watchSwap);
    const w = viewport.width;

    // Before the wasm: the recommendation and the cards are there to read, but nothing responds.
    const snap = page.locator('#snapshot');
    await snap.waitFor({ state: 'visible' });
    assert.ok(await snap.evaluate((e) => e.inert), `${w}: the snapshot is inert`);
    assert.match(await snap.locator('[data-snapshot-testid="rec-headline"]').innerText(), /ECS on Fargate/);
    assert.ok(await snap.locator('[data-snapshot-testid="option-card"]').count() >= 5, `${w}: the option cards are in`);
    assert.equal(await page.locator('[data-testid]').count(), 0, `${w}: no element of the DOM contract exists before the app`);
    assert.ok(await page.locator('#boot').isVisible(), `${w}: the loading note stays in sight`);
    assert.equal(await page.locator('#boot').getAttribute('role'), 'status');
    const shown = await page.evaluate(() => window.__shown);
    assert.ok(shown && shown.inert, `${w}: shown, inert`);
    assert.ok(shown.parsing, `${w}: shown while the page is still being parsed, before any script file has arrived`);

    release();
    await page.waitForFunction(() => window.__swap);
    await settled(page);
    const swap = await page.evaluate(() => window.__swap);
    assert.equal(swap.busy, 'true', `${w}: compared with the app's first frame, not the finished page`);
    assert.equal(swap.snapshot, swap.app, `${w}: the snapshot is the app's first frame`);
    assert.deepEqual(swap.cards, shown.cards, `${w}: every card is where the snapshot drew it`);
    assert.equal(await page.locator('#snapshot').count(), 0);
    assert.equal(await page.locator('#boot').isVisible(), false, `${w}: the loading note goes`);
    await page.waitForTimeout(300);
    const cls = await page.evaluate(() => window.__shifts.reduce((a, b) => a + b, 0));
    assert.ok(cls < 0.01, `${w}: layout shift from the snapshot to the finished page: ${cls}`);
    // And the app is live: a tick changes the answer.
    await page.check('input[data-key="gpu"]');
    await page.waitForFunction(() => document.querySelector('[data-testid="recommendation"]').dataset.platform === 'ecs-ec2');
    await ctx.close();
  }
  s.assertClean('snapshot');
});

test('the first frame leaves off-screen cards unlaid until they come near the screen; the finished page lays out all', async () => {
  // checkVisibility({ contentVisibilityAuto: true }) is false for an element whose rendering the
  // browser skips (content-visibility: auto, off screen).
  const drawn = (root, attr) => root.evaluate((r, a) => [...r.querySelectorAll(`[${a}="option-card"]`)]
    .map((c) => c.checkVisibility({ contentVisibilityAuto: true }) && c.innerText.trim() !== ''), attr);
  const tops = (root, attr) => root.evaluate((r, a) => [...r.querySelectorAll(`[${a}="option-card"]`)]
    .map((c) => c.getBoundingClientRect().top / innerHeight), attr);
  const frames = (page) => page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  for (const viewport of [{ width: 1280, height: 900 }, { width: 360, height: 740 }]) {
    const w = viewport.width;
    const { ctx, page, release } = await firstVisitHeld(viewport);
    const snap = page.locator('#snapshot');
    await snap.waitFor({ state: 'visible' });
    await frames(page);
    assert.ok(await snap.locator('[data-snapshot-testid="recommendation"]').evaluate((e) => e.checkVisibility({ contentVisibilityAuto: true })));
    // The browser draws what is within about a screen of the viewport; what is further is skipped.
    const first = await drawn(snap, 'data-snapshot-testid');
    const at = await tops(snap, 'data-snapshot-testid');
    assert.ok(at.every((t) => t > 1), `${w}: every card starts below the first screen: ${at}`);
    assert.ok(first.some((d) => !d), `${w}: some cards are skipped: ${first}`);
    first.forEach((d, i) => assert.ok(d || at[i] > 2, `${w}: card ${i} at ${at[i]} screens`));
    first.forEach((d, i) => assert.ok(!d || at[i] < 3, `${w}: card ${i} at ${at[i]} screens is skipped`));
    // A reader who scrolls down before the wasm has arrived sees the cards drawn.
    await snap.locator('[data-snapshot-testid="option-card"]').first().evaluate((e) => e.scrollIntoView());
    await frames(page);
    assert.equal((await drawn(snap, 'data-snapshot-testid'))[0], true, `${w}: a card scrolled to is drawn`);
    await page.evaluate(() => scrollTo(0, 0));

    release();
    await page.waitForSelector('[data-testid="option-card"]');
    await settled(page);
    await frames(page);
    const all = await drawn(page.locator('main'), 'data-testid');
    assert.ok(all.length >= 5 && all.every(Boolean), `${w}: the finished page has every card laid out: ${all}`);
    await ctx.close();
  }
  s.assertClean('skipped cards');
});

test('a link with a query, or anything of Berth in storage, never shows the snapshot', async () => {
  const ctx = await s.browser.newContext({ serviceWorkers: 'block' });
  const page = await ctx.newPage();
  await page.addInitScript(() => {
    window.__seen = false;
    document.addEventListener('DOMContentLoaded', () => {
      const snap = document.getElementById('snapshot');
      window.__seen = !!snap && !snap.hidden;
    });
  });
  const visit = async (query) => {
    await page.goto(`${s.url}${query}`);
    await page.waitForSelector('[data-testid="recommendation"]');
    await settled(page);
    return page.evaluate(() => ({ seen: window.__seen, left: !!document.getElementById('snapshot') }));
  };
  assert.deepEqual(await visit(''), { seen: true, left: false }, 'a first visit does');
  assert.deepEqual(await visit('?gpu=1&ops=minimal'), { seen: false, left: false });
  assert.deepEqual(await visit('?'), { seen: true, left: false }, 'an empty query is no query');
  // Saved scenarios change the header; kept-aside text may bring a notice: no snapshot for either.
  for (const key of ['berth.scenarios.v1', 'berth.study.v1.corrupt.1']) {
    await page.evaluate((k) => { localStorage.clear(); localStorage.setItem(k, '{}'); }, key);
    assert.deepEqual(await visit(''), { seen: false, left: false }, key);
  }
  await page.evaluate(() => localStorage.clear());
  assert.deepEqual(await visit(''), { seen: true, left: false });
  await ctx.close();
  s.assertClean('no snapshot');
});
