// The user's data in the real page: rate overrides change the cards and survive a reload, export and
// re-import as JSON; the cost table downloads as CSV equal to the cards; named scenarios save, reload
// and load; corrupt local storage is kept aside with a notice and the app keeps working.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startSession, settled } from './harness.mjs';

let s;
let page;
const dir = mkdtempSync(join(tmpdir(), 'berth-data-'));

before(async () => {
  s = await startSession();
  page = await s.open('', { waitFor: '[data-testid="catalog"]' });
  await openCatalog();
});
after(async () => {
  await s?.close();
});

/** The cards' monthly figures by platform. */
async function cardTotals() {
  return page.$$eval('[data-testid="option-card"]', (els) =>
    Object.fromEntries(els.map((e) => [e.dataset.platform, e.dataset.monthlyUsd])),
  );
}

/** Opens the catalog's table of rates (closed by default unless overrides exist). */
async function openCatalog() {
  const d = page.locator('details.catalog__rates');
  if (!(await d.evaluate((el) => el.open))) await d.locator('summary').click();
  await page.locator('[data-testid="rate"]').first().waitFor();
}

async function rate(id) {
  return page.locator(`[data-testid="rate"][data-rate="${id}"]`);
}

/** Clicks `selector` and returns the text of the file it downloads, and its suggested name. */
async function download(selector) {
  const [d] = await Promise.all([page.waitForEvent('download'), page.click(selector)]);
  const path = join(dir, d.suggestedFilename());
  await d.saveAs(path);
  return { name: d.suggestedFilename(), text: readFileSync(path, 'utf8') };
}

/** RFC 4180 records. */
function parseCsv(text) {
  const rows = [];
  let row = [];
  let f = '';
  let q = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (q) {
      if (c === '"' && text[i + 1] === '"') { f += '"'; i++; } else if (c === '"') q = false; else f += c;
    } else if (c === '"') q = true;
    else if (c === ',') { row.push(f); f = ''; }
    else if (c === '\r' && text[i + 1] === '\n') { row.push(f); rows.push(row); row = []; f = ''; i++; }
    else f += c;
  }
  if (f || row.length) { row.push(f); rows.push(row); }
  return rows;
}

test('the catalog lists every rate with its provenance', async () => {
  const asOf = await page.getAttribute('[data-testid="catalog"]', 'data-as-of');
  assert.match(asOf, /^\d{4}-\d{2}-\d{2}$/);
  const n = await page.locator('[data-testid="rate"]').count();
  assert.ok(n > 100, `${n} rates`);
  const alb = await rate('fargate.vcpu.x86');
  assert.equal(await alb.getAttribute('data-overridden'), 'false');
  const link = alb.locator('a[href^="https://"]');
  assert.equal(await link.getAttribute('target'), '_blank');
  assert.match(await link.getAttribute('rel'), /noopener/);
  s.assertClean('catalog');
});

test('an override changes the cards, is marked, and survives a reload', async () => {
  const before = await cardTotals();
  const row = await rate('fargate.vcpu.x86');
  const input = row.locator('input');
  await input.fill('0.08');
  await input.press('Enter');
  await input.evaluate((el) => el.dispatchEvent(new Event('change', { bubbles: true })));
  await page.waitForSelector('[data-testid="rate"][data-rate="fargate.vcpu.x86"][data-overridden="true"]');
  const after = await cardTotals();
  assert.ok(Number(after['ecs-fargate']) > Number(before['ecs-fargate']), `${before['ecs-fargate']} → ${after['ecs-fargate']}`);
  assert.equal(after['ecs-ec2'], before['ecs-ec2'], 'EC2 does not use the Fargate rate');
  assert.match(await row.innerText(), /Catalog: 0\.04/);

  // Invalid text: a notice, nothing changes, never NaN.
  await input.fill('cheap');
  await input.evaluate((el) => el.dispatchEvent(new Event('change', { bubbles: true })));
  await page.waitForSelector('[data-testid="notice"][data-key="fargate.vcpu.x86"]');
  assert.deepEqual(await cardTotals(), after);
  assert.ok(!(await page.content()).includes('NaN'));

  await page.reload();
  await page.waitForSelector('[data-testid="rate"][data-rate="fargate.vcpu.x86"][data-overridden="true"]');
  assert.deepEqual(await cardTotals(), after);
  s.assertClean('override');
});

test('copying a link while an override is in use says the link does not carry it', async () => {
  await s.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: s.origin });
  await page.click('[data-testid="copy-link"]');
  const status = page.locator('[data-testid="copy-status"]');
  await page.waitForFunction(() => document.querySelector('[data-testid="copy-status"]')?.textContent.length > 0);
  assert.match(await status.innerText(), /Link copied\. It carries the inputs, not your 1 price override/);
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  assert.ok(!copied.includes('0.08'), copied);
  s.assertClean('copy with overrides');
});

test('"Copy link with overrides" carries them: the receiver sees the same prices and nothing is saved', async () => {
  await s.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: s.origin });
  const sent = await cardTotals();
  await page.click('[data-testid="copy-link-rates"]');
  await page.waitForFunction(() => /with its 1 price override/.test(document.querySelector('[data-testid="copy-status"]')?.textContent ?? ''));
  const link = await page.evaluate(() => navigator.clipboard.readText());
  assert.match(link, /rates=fargate\.vcpu\.x86@us-east-1:0\.08/);

  // A receiver with no overrides of its own, in a fresh context: the same figures, a notice, no storage.
  const ctx = await s.browser.newContext({ viewport: { width: 1280, height: 900 } });
  const other = await ctx.newPage();
  await other.goto(link);
  await other.waitForSelector('[data-testid="recommendation"]');
  await settled(other);
  const got = Object.fromEntries(await other.$$eval('[data-testid="option-card"]', (els) => els.map((e) => [e.dataset.platform, e.dataset.monthlyUsd])));
  assert.deepEqual(got, sent);
  assert.match(await other.locator('[data-testid="notice"][data-key="rates"]').first().innerText(), /carries 1 price override/);
  await other.waitForTimeout(300);
  assert.equal(await other.evaluate(() => localStorage.getItem('berth.overrides.v1')), null, 'a link\'s overrides are not saved');
  await ctx.close();

  // A receiver with overrides of its own sees the link's prices, and keeps its own for its next visit.
  await page.goto(link.replace(':0.08', ':0.11'));
  await page.waitForSelector('[data-testid="recommendation"]');
  await settled(page);
  assert.ok(Number((await cardTotals())['ecs-fargate']) > Number(sent['ecs-fargate']), 'the link\'s dearer vCPU price is used');
  await page.waitForTimeout(300);
  const mine = await page.evaluate(() => localStorage.getItem('berth.overrides.v1'));
  assert.match(mine, /0\.08/);
  assert.doesNotMatch(mine, /0\.11/);
  await page.goto(s.url);
  await page.waitForSelector('[data-testid="rate"][data-rate="fargate.vcpu.x86"][data-overridden="true"]');
  s.assertClean('copy with overrides in the link');
});

test('overrides export as JSON and re-import; a bad file changes nothing', async () => {
  const { name, text } = await download('[data-testid="export-overrides"]');
  assert.equal(name, 'berth-overrides.json');
  const doc = JSON.parse(text);
  assert.equal(doc.format, 'berth-rate-overrides');
  assert.deepEqual(doc.overrides.map((o) => [o.rate, o.region, o.value]), [['fargate.vcpu.x86', 'us-east-1', 0.08]]);
  const withOverride = await cardTotals();

  // Clear, then import the export: the override is back.
  await page.click('text=Clear all overrides');
  await page.waitForSelector('[data-testid="rate"][data-rate="fargate.vcpu.x86"][data-overridden="false"]');
  assert.notDeepEqual(await cardTotals(), withOverride);
  const good = join(dir, 'good.json');
  writeFileSync(good, text);
  await page.setInputFiles('[data-testid="import-overrides"]', good);
  await page.waitForSelector('[data-testid="rate"][data-rate="fargate.vcpu.x86"][data-overridden="true"]');
  assert.deepEqual(await cardTotals(), withOverride);

  // A file with an unknown rate is refused whole.
  const bad = join(dir, 'bad.json');
  writeFileSync(bad, JSON.stringify({ overrides: [{ rate: 'alb.hour', value: 1 }, { rate: 'nope', value: 1 }] }));
  await page.setInputFiles('[data-testid="import-overrides"]', bad);
  await page.waitForFunction(() => [...document.querySelectorAll('[data-testid="notice"]')].some((n) => /not imported/.test(n.innerText)));
  assert.equal(await (await rate('alb.hour')).getAttribute('data-overridden'), 'false');
  assert.deepEqual(await cardTotals(), withOverride);
  s.assertClean('export/import');
});

test('the CSV has a row per line item and totals equal to the cards', async () => {
  await page.goto(`${s.url}?alb=1&nat=1&deploys=10`);
  await page.waitForSelector('[data-testid="option-card"]');
  const { name, text } = await download('[data-testid="export-csv"]');
  assert.equal(name, 'berth-costs.csv');
  const rows = parseCsv(text);
  const header = rows[0];
  const col = (h) => header.indexOf(h);
  for (const h of ['Platform id', 'Status', 'Line item', 'Quantity', 'Unit', 'Rate (USD per unit)', 'Monthly USD']) assert.ok(col(h) >= 0, h);
  const cards = await page.$$eval('[data-testid="option-card"]', (els) =>
    els.map((e) => ({ platform: e.dataset.platform, status: e.dataset.status, monthly: e.dataset.monthlyUsd, lines: e.querySelectorAll('[data-line]').length })),
  );
  for (const c of cards) {
    const mine = rows.slice(1).filter((r) => r[col('Platform id')] === c.platform);
    const total = mine.at(-1);
    assert.equal(total[col('Line item')], 'Total', c.platform);
    assert.equal(total[col('Monthly USD')], c.monthly, c.platform);
    assert.equal(total[col('Status')], c.status, c.platform);
    if (c.monthly) {
      assert.ok(mine.length > 1, `${c.platform} has lines`);
      const sum = mine.slice(0, -1).reduce((a, r) => a + Number(r[col('Monthly USD')]), 0);
      assert.ok(Math.abs(sum - Number(c.monthly)) <= 0.005 * mine.length, `${c.platform}: ${sum} vs ${c.monthly}`);
    }
  }
  const fargate = rows.filter((r) => r[col('Platform id')] === 'ecs-fargate').map((r) => r[col('Line item')]);
  assert.ok(fargate.includes('Load balancer hours') && fargate.includes('NAT gateway hours'), fargate.join('|'));
  assert.equal(rows.length, 1 + cards.length + rows.slice(1).filter((r) => r[col('Line item')] !== 'Total').length);
  s.assertClean('csv');
});

test('commitments show on-demand, plans and Spot with break-even in words', async () => {
  await page.evaluate(() => localStorage.removeItem('berth.overrides.v1')); // catalog rates only
  await page.goto(`${s.url}?util=50`);
  await page.waitForSelector('[data-testid="commitments"]');
  const rows = await page.$$eval('[data-testid="commitment"]', (els) => els.map((e) => ({ ...e.dataset, text: e.innerText })));
  const fg = rows.filter((r) => r.platform === 'ecs-fargate').map((r) => r.pricing);
  assert.deepEqual(fg, ['on-demand', 'savings-1y', 'savings-3y', 'spot']);
  const sp1 = rows.find((r) => r.platform === 'ecs-fargate' && r.pricing === 'savings-1y');
  assert.equal(sp1.breakEvenMonths, '');
  assert.match(sp1.text, /Never pays off/);
  for (const r of rows) assert.ok(!/NaN|Infinity/.test(r.text + r.monthlyUsd + r.breakEvenMonths), JSON.stringify(r));
  s.assertClean('commitments');
});

test('a saved scenario survives a reload and loads', async () => {
  // Out of order on purpose: what is saved is the canonical query (keys in table order).
  await page.goto(`${s.url}?util=80&gpu=1&ops=minimal`);
  await page.waitForSelector('[data-testid="recommendation"]');
  await page.waitForFunction(() => location.search === '?ops=minimal&gpu=1&util=80');
  const query = 'ops=minimal&gpu=1&util=80';
  await page.click('[data-testid="saved"] summary');
  await page.fill('[data-testid="save-name"]', 'GPU, least ops');
  await page.click('[data-testid="save"]');
  await page.waitForSelector('[data-testid="saved-item"][data-name="GPU, least ops"]');
  const stored = JSON.parse(await page.evaluate(() => localStorage.getItem('berth.scenarios.v1')));
  assert.equal(stored.v, 1);
  assert.deepEqual(stored.scenarios.map((x) => [x.name, x.query]), [['GPU, least ops', query]]);

  await page.goto(s.url);
  await page.waitForSelector('[data-testid="recommendation"][data-platform="ecs-fargate"]');
  await page.click('[data-testid="saved"] summary');
  await page.click('[data-testid="saved-item"][data-name="GPU, least ops"] >> text=Load');
  await page.waitForSelector('[data-testid="recommendation"][data-platform="ecs-ec2"]');
  await page.waitForFunction(() => location.search.includes('gpu=1'));

  const { name, text } = await download('[data-testid="export-saved"]');
  assert.equal(name, 'berth-scenarios.json');
  assert.equal(JSON.parse(text).scenarios[0].name, 'GPU, least ops');
  s.assertClean('saved');
});

test('unreadable storage that cannot be kept aside stays in place, with a notice', async () => {
  // A page whose storage refuses the keep-aside copies (as a full quota would).
  const p = await s.context.newPage();
  await p.addInitScript(() => {
    const set = Storage.prototype.setItem;
    Storage.prototype.setItem = function (k, v) {
      if (String(k).includes('.corrupt.')) throw new DOMException('quota exceeded (test)', 'QuotaExceededError');
      return set.call(this, k, v);
    };
  });
  await p.goto(s.url);
  await p.evaluate(() => {
    localStorage.setItem('berth.overrides.v1', 'not json at all');
    localStorage.setItem('berth.study.v1', '{"v":9}');
  });
  // Study progress is read when study mode opens its scenarios (issue 19), so open study mode.
  await p.goto(`${s.url}?mode=study`);
  await p.waitForSelector('[data-testid="study"]');
  await p.waitForFunction(() => document.querySelectorAll('[data-testid="notice"][data-key=""]').length >= 2);
  const notices = await p.$$eval('[data-testid="notice"]', (els) => els.map((e) => e.innerText));
  for (const [what, key] of [['rate overrides', 'berth.overrides.v1'], ['study progress', 'berth.study.v1']]) {
    assert.ok(notices.some((n) => n.includes(`saved ${what} could not be read`) && n.includes(`stays under “${key}”`)), notices.join('\n'));
  }
  // Give the storage effects time to run, then check nothing was removed or rewritten.
  await p.waitForTimeout(300);
  assert.deepEqual(await p.evaluate(() => [localStorage.getItem('berth.overrides.v1'), localStorage.getItem('berth.study.v1')]),
    ['not json at all', '{"v":9}']);
  await p.evaluate(() => { localStorage.removeItem('berth.overrides.v1'); localStorage.removeItem('berth.study.v1'); });
  await p.close();
  s.assertClean('held storage');
});

test('corrupt storage is kept aside with a notice and the app keeps working', async () => {
  await page.evaluate(() => {
    localStorage.setItem('berth.scenarios.v1', '{"v":1,"scenarios":[oops');
    localStorage.setItem('berth.overrides.v1', 'not json at all');
  });
  await page.goto(s.url);
  await page.waitForSelector('[data-testid="recommendation"]');
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="notice"][data-key=""]').length >= 2);
  const notices = await page.$$eval('[data-testid="notice"]', (els) => els.map((e) => e.innerText));
  assert.ok(notices.some((n) => /saved scenarios could not be read/.test(n) && /berth\.scenarios\.v1\.corrupt\./.test(n)), notices.join('\n'));
  assert.ok(notices.some((n) => /rate overrides could not be read/.test(n) && /berth\.overrides\.v1\.corrupt\./.test(n)), notices.join('\n'));
  const kept = await page.evaluate(() =>
    Object.fromEntries(Object.keys(localStorage).filter((k) => k.includes('.corrupt.')).map((k) => [k, localStorage.getItem(k)])),
  );
  const values = (prefix) => Object.entries(kept).filter(([k]) => k.startsWith(prefix)).map(([, v]) => v);
  assert.deepEqual(values('berth.scenarios.v1.corrupt.'), ['{"v":1,"scenarios":[oops']);
  assert.deepEqual(values('berth.overrides.v1.corrupt.'), ['not json at all']);
  assert.equal(await page.evaluate(() => localStorage.getItem('berth.scenarios.v1')), null);
  // The app still works: a slider changes the figures, the catalog has no override, and saving works.
  await openCatalog();
  assert.equal(await page.locator('[data-testid="rate"][data-overridden="true"]').count(), 0);
  await page.click('[data-testid="saved"] summary');
  await page.fill('[data-testid="save-name"]', 'after recovery');
  await page.click('[data-testid="save"]');
  await page.waitForSelector('[data-testid="saved-item"][data-name="after recovery"]');
  assert.equal(await page.locator('[data-testid="panic"]').count(), 0);
  s.assertClean('corrupt storage');
});
