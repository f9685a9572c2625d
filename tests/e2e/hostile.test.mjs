// Hostile input in the real page: 500 random hostile URLs and random local storage contents.
// Whatever a link or the storage holds: no panic, no NaN, "Infinity" or negative figure on
// screen, and a notice for what was changed or ignored. Deterministic (seeded) so a failure
// can be replayed.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startSession, settled } from './harness.mjs';

const KEYS = [
  'workload', 'ops', 'k8s', 'gpu', 'privileged', 'daemonset', 'windows', 'block_storage', 'hybrid',
  'code_only', 'interruptible', 'steady', 'scale_to_zero', 'zero_downtime_rollback', 'gradual_rollout',
  'log_routing', 'service_discovery', 'mesh', 'queue_scaling', 'image_cleanup', 'image_scanning',
  'pack_for_cost', 'spread_for_availability', 'placement_strategy', 'lowest_cost', 'cross_vpc',
  'mixed_platforms', 'job_minutes', 'advice', 'util', 'tasks', 'cpu', 'mem',
  'storage', 'rps', 'req_ms', 'resp_kb', 'lambda_mb', 'free_tier', 'hours', 'region', 'arch', 'pricing',
  'instance', 'clusters', 'eks_support', 'autoscale', 'target_capacity', 'spot_overhead', 'alb', 'nat',
  'nat_gb', 'ipv4', 'egress', 'deploys', 'bake_min', 'azs', 'mode', 'q', 'embed', 'panels', 'lock',
];
const HOSTILE = [
  'NaN', '-NaN', 'Infinity', '-Infinity', 'inf', '1e308', '-1e308', '1e-400', '-1', '-0', '0x1F', '1_000',
  '', '%', '%zz', '%00', '%C3%28', '%F0%9F%92%A5', '١٢٣', '５０', '<img src=x onerror=alert(1)>',
  '"quoted"', "'; DROP TABLE", '1,5', '1.2.3', 'true', 'yes', '2', 'null', 'undefined', '[]', '{}',
  '99999999999999999999999', '..', '/', '\\', 'study', 'exam', 'x'.repeat(10 * 1024),
];

function rng(seed) {
  let x = seed >>> 0;
  return () => {
    x ^= x << 13; x >>>= 0; x ^= x >>> 17; x ^= x << 5; x >>>= 0;
    return x / 2 ** 32;
  };
}

/** A hostile query string; always holds at least one thing the parser must notice. */
function hostileQuery(r) {
  const pick = (a) => a[Math.floor(r() * a.length)];
  const parts = [];
  const n = 1 + Math.floor(r() * 8);
  for (let i = 0; i < n; i++) {
    const key = r() < 0.85 ? pick(KEYS) : pick(['bogus', 'UTIL', 'util[]', '', 'ütil', '__proto__', 'constructor']);
    const v = r() < 0.7 ? pick(HOSTILE) : String((r() - 0.3) * 10 ** Math.floor(r() * 12));
    parts.push(r() < 0.05 ? key : `${key}=${encodeURIComponent(v).replace(/%25/g, r() < 0.5 ? '%' : '%25')}`);
  }
  // The one thing that is always wrong: an unknown key or an impossible value.
  parts.splice(Math.floor(r() * (parts.length + 1)), 0, r() < 0.5 ? `nope${Math.floor(r() * 1000)}=1` : `util=${pick(['NaN', '-5', '1e9', 'Infinity'])}`);
  if (r() < 0.1) parts.push(parts[0]); // a repeated key
  return parts.join('&');
}

let s;
let page;
before(async () => {
  s = await startSession();
  page = await s.context.newPage();
});
after(async () => { await s?.close(); });

async function freshPage() {
  await page.close();
  page = await s.context.newPage();
}

async function check(label) {
  const got = await page.evaluate(() => {
    const notices = [...document.querySelectorAll('[data-testid="notice"]')];
    const clone = document.body.cloneNode(true);
    clone.querySelectorAll('[data-testid="notice"], textarea, input').forEach((n) => n.remove());
    return {
      panic: !!document.querySelector('[data-testid="panic"]'),
      app: !!document.querySelector('.app'),
      notices: notices.length,
      text: clone.textContent,
      figures: [...document.querySelectorAll('[data-monthly-usd], [data-compute-usd]')].flatMap((c) => [c.dataset.monthlyUsd, c.dataset.computeUsd]).filter((v) => v !== undefined && v !== ''),
    };
  });
  assert.ok(!got.panic, `${label}: the panic screen`);
  assert.ok(got.app, `${label}: no app`);
  assert.ok(got.notices > 0, `${label}: no notice`);
  for (const bad of ['NaN', 'Infinity', '$-', '-$']) assert.ok(!got.text.includes(bad), `${label}: "${bad}" on screen`);
  for (const f of got.figures) {
    assert.match(f, /^\d+\.\d\d$/, `${label}: figure ${f}`);
    assert.ok(Number.isFinite(Number(f)) && Number(f) >= 0, `${label}: figure ${f}`);
  }
}

test('500 hostile URLs: no panic, no NaN or Infinity, never a negative figure, always a notice', async () => {
  const r = rng(20261129);
  for (let i = 0; i < 500; i++) {
    // A fresh tab every 50 loads: Chromium keeps each load's wasm memory reserved until a full
    // collection, and hundreds of loads in one tab within minutes can exhaust that reservation
    // ("Cannot allocate Wasm memory for new instance"), which no reader's tab ever meets.
    if (i > 0 && i % 50 === 0) await freshPage();
    const q = hostileQuery(r);
    await page.goto(`${s.url}?${q}`);
    await page.waitForSelector('.app, [data-testid="panic"]', { timeout: 15000 });
    await settled(page); // the costs, charts and catalog are checked too
    await check(`#${i} ?${q.slice(0, 300)}`);
  }
  s.assertClean('hostile urls');
});

test('random local storage contents never break the app, and what was unreadable is kept aside', async () => {
  await freshPage();
  const r = rng(7);
  const junk = ['', '{', 'null', '[]', '{"v":2}', '{"v":1,"scenarios":"x"}', '{"format":"berth-rate-overrides","version":1,"rates":{"alb-hour":1e999}}', '\u0000\uffff', 'x'.repeat(50000), '{"v":1,"answers":[{"id":1}]}'];
  const keys = ['berth.overrides.v1', 'berth.scenarios.v1', 'berth.study.v1'];
  for (let i = 0; i < 30; i++) {
    const key = keys[i % keys.length];
    const value = junk[Math.floor(r() * junk.length)];
    await page.goto(s.url);
    await page.waitForSelector('.app');
    await page.evaluate(([k, v]) => { localStorage.clear(); localStorage.setItem(k, v); }, [key, value]);
    await page.goto(`${s.url}?mode=${i % 2 ? 'study' : 'explore'}`);
    await page.waitForSelector('.app, [data-testid="panic"]', { timeout: 15000 });
    await settled(page);
    const st = await page.evaluate((k) => ({
      panic: !!document.querySelector('[data-testid="panic"]'),
      notices: [...document.querySelectorAll('[data-testid="notice"]')].map((n) => n.textContent),
      aside: Object.keys(localStorage).filter((x) => x.startsWith(`${k}.corrupt.`)).map((x) => localStorage.getItem(x)),
    }), key);
    assert.ok(!st.panic, `${key}=${value.slice(0, 40)}: panic`);
    if (st.aside.length) {
      assert.ok(st.aside.includes(value), `${key}: kept aside text differs`);
      assert.ok(st.notices.length > 0, `${key}=${value.slice(0, 40)}: kept aside without a notice`);
    }
  }
  s.assertClean('storage');
});
