// Course authors' scenario packs (issue 19), under the sub-path: a pack beside the app is studied,
// answered and scored; the check view lists agreement and problems; broken packs and packs from
// another origin give the `pack` notice and the built-in scenarios, with no request elsewhere; an
// embedded pack posts its answers with the pack's title; a pack works offline after a first visit.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { startSession, ROOT, BASE, HOST_PAGE } from './harness.mjs';

const EXAMPLE = readFileSync(resolve(ROOT, 'examples/pack.json'), 'utf8');
const example = JSON.parse(EXAMPLE);
/** The engine's answers for the example pack, from a native run over the same file. */
const native = JSON.parse(
  execFileSync('cargo', ['run', '-q', '-p', 'berth-core', '--example', 'study', resolve(ROOT, 'examples/pack.json')], { cwd: ROOT, encoding: 'utf8' }),
);
const byId = Object.fromEntries(native.map((x) => [x.id, x]));

const JSON_TYPE = 'application/json';
const BROKEN = {
  'bad.json': '{"v":1,"title":"Broken", "scenarios": [',
  'v2.json': '{"v":2,"title":"Future","scenarios":[{"id":"a","title":"A","facts":"gpu=1"}]}',
  'big.json': `{"v":1,"title":"${'x'.repeat(10 * 1024 * 1024)}","scenarios":[]}`,
};
const HOSTILE = JSON.stringify({
  v: 1,
  title: '<img src=x onerror="window.__pwned=1">Hostile',
  scenarios: [
    { id: 'h-1', title: '<script>window.__pwned=2</script>', text: '<b onclick="x()">bold?</b>', facts: 'gpu=1&ops=minimal', note: '<iframe src="https://evil.example/"></iframe>' },
  ],
});
const CHECK = JSON.stringify({
  v: 1,
  title: 'Needs work',
  scenarios: [
    { id: 'c-ok', title: 'GPU', text: 't', facts: 'gpu=1&ops=minimal', choices: ['ecs-fargate', 'ecs-ec2', 'lambda'], key: 'ecs-ec2' },
    { id: 'c-wrong', title: 'Wrong key', text: 't', facts: 'gpu=1&ops=minimal', choices: ['ecs-ec2', 'lambda'], key: 'lambda' },
    { id: 'c-wrong', title: 'Duplicate', text: 't', facts: 'k8s=1' },
    { id: 'c-facts', title: 'Typos', text: 't', facts: 'gpuu=1&ops=least', choices: ['ecs-ec2', 'heroku', 'lambda'] },
    { title: 'No id', facts: 'k8s=1' },
  ],
});


let s;
before(async () => {
  const extra = {
    [`${BASE}packs/week3.json`]: [JSON_TYPE, EXAMPLE],
    [`${BASE}packs/hostile.json`]: [JSON_TYPE, HOSTILE],
    [`${BASE}packs/check.json`]: [JSON_TYPE, CHECK],
    '/pack-host.html': ['text/html; charset=utf-8', HOST_PAGE],
  };
  for (const [name, body] of Object.entries(BROKEN)) extra[`${BASE}packs/${name}`] = [JSON_TYPE, body];
  s = await startSession({ extra });
});
after(async () => {
  await s?.close();
});

const STUDY = '[data-testid="study"]';
const choice = (p) => `[data-testid="study-choice"][data-platform="${p}"]`;
const packNotice = '[data-testid="notice"][data-key="pack"]';

/** Drops the browser's own console line for an expected failed load (a 404), then checks. */
function assertCleanBut(label, expected) {
  const keep = s.problems.splice(0).filter((p) => !expected.test(p));
  s.problems.push(...keep);
  s.assertClean(label);
}

test('the example pack reads natively and every key agrees with the engine', () => {
  assert.equal(native.length, example.scenarios.length);
  for (const sc of example.scenarios) assert.equal(byId[sc.id].current, sc.key, sc.id);
});

test('a pack beside the app opens, in its order and with its title, is answered and scored per pack', async () => {
  const page = await s.open('mode=study&pack=packs/week3.json', { waitFor: STUDY });
  const root = page.locator(STUDY);
  assert.equal(await root.getAttribute('data-scenario'), example.scenarios[0].id);
  assert.equal(await root.getAttribute('data-pack'), example.title);
  assert.ok((await root.innerText()).includes(example.title));
  const first = byId[example.scenarios[0].id];
  const platforms = await page.locator('[data-testid="study-choice"]').evaluateAll((els) => els.map((e) => e.dataset.platform));
  assert.deepEqual(platforms, first.choices);
  await page.locator(choice(first.current)).check();
  await page.locator('[data-testid="study-reveal"]').click();
  const verdict = page.locator('[data-testid="study-verdict"]');
  await verdict.waitFor();
  assert.equal(await verdict.getAttribute('data-expected'), first.current);
  assert.equal(await verdict.getAttribute('data-correct'), 'true');
  assert.ok((await verdict.innerText()).includes(example.scenarios[0].note), 'the author note is shown after the reveal');
  const score = page.locator('[data-testid="study-score"]');
  assert.equal(await score.getAttribute('data-answered'), '1');
  assert.ok((await score.innerText()).includes(`of ${example.scenarios.length}`));
  const stored = await page.evaluate(() => localStorage.getItem('berth.study.v1@packs/week3.json'));
  assert.deepEqual(JSON.parse(stored).answers.map((a) => [a.id, a.correct]), [[first.id, true]]);

  // q= opens one scenario of the pack; the built-in scenarios keep their own score.
  const last = example.scenarios[example.scenarios.length - 1].id;
  await s.open(`mode=study&pack=packs/week3.json&q=${last}`, { page, waitFor: `${STUDY}[data-scenario="${last}"]` });
  assert.ok(await page.locator('[data-testid="study-next"]').isDisabled(), 'the last scenario of the pack');
  assert.equal(await page.locator('[data-testid="study-score"]').getAttribute('data-answered'), '1');
  await s.open('mode=study', { page, waitFor: STUDY });
  assert.equal(await page.locator(STUDY).getAttribute('data-scenario'), 'gpu-least-ops');
  assert.equal(await page.locator('[data-testid="study-score"]').getAttribute('data-answered'), '0');
  s.assertClean('pack study');
  await page.close();
});

test('the check view lists every scenario with the engine, the key and agreement, and every problem', async () => {
  const page = await s.open('mode=check&pack=packs/check.json', { waitFor: '[data-testid="pack-checks"]' });
  const rows = await page.locator('[data-testid="pack-check"]').evaluateAll((els) =>
    els.map((e) => ({ id: e.dataset.id, engine: e.dataset.engine, key: e.dataset.key, agree: e.dataset.agree })));
  assert.deepEqual(rows.map((r) => r.id), ['c-ok', 'c-wrong', 'c-facts']);
  assert.deepEqual(rows[0], { id: 'c-ok', engine: 'ecs-ec2', key: 'ecs-ec2', agree: 'true' });
  assert.deepEqual(rows[1], { id: 'c-wrong', engine: 'ecs-ec2', key: 'lambda', agree: 'false' });
  assert.equal(rows[2].key, '');
  assert.equal(rows[2].agree, '');
  const problems = await page.locator('[data-testid="pack-problem"]').allInnerTexts();
  const all = problems.join('\n');
  for (const needle of ['gpuu', 'least', 'heroku', 'used twice', 'no “id”', 'not one of the choices']) {
    assert.ok(all.includes(needle), `${needle} not in\n${all}`);
  }
  // The same pack under the exam key.
  await s.open('mode=check&pack=packs/check.json&advice=exam', { page, waitFor: '[data-testid="pack-checks"]' });
  assert.equal(await page.locator('[data-testid="pack-check"][data-id="c-ok"]').getAttribute('data-engine'), 'ecs-ec2');
  s.assertClean('check');
  await page.close();
});

test('broken packs give the pack notice and the built-in scenarios', async () => {
  for (const name of ['missing.json', ...Object.keys(BROKEN)]) {
    const page = await s.open(`mode=study&pack=packs/${name}`, { waitFor: STUDY });
    await page.locator(packNotice).waitFor();
    assert.ok((await page.locator(packNotice).innerText()).includes(`packs/${name}`), name);
    assert.equal(await page.locator(STUDY).getAttribute('data-scenario'), 'gpu-least-ops', `${name}: built-in scenarios`);
    assertCleanBut(name, /404|Failed to load resource/);
    await page.close();
  }
});

test('hostile strings are shown as text, never run', async () => {
  const page = await s.open('mode=study&pack=packs/hostile.json', { waitFor: STUDY });
  assert.equal(await page.locator(STUDY).getAttribute('data-scenario'), 'h-1');
  assert.ok((await page.locator(STUDY).innerText()).includes('<script>window.__pwned=2</script>'));
  assert.equal(await page.locator(`${STUDY} img, ${STUDY} script, ${STUDY} iframe, ${STUDY} b`).count(), 0);
  await page.locator('[data-testid="study-choice"]').first().check();
  await page.locator('[data-testid="study-reveal"]').click();
  await page.locator('[data-testid="study-verdict"]').waitFor();
  assert.equal(await page.locator(`${STUDY} iframe`).count(), 0);
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  s.assertClean('hostile');
  await page.close();
});

test('a pack on another origin is refused before any request', async () => {
  for (const value of ['https://evil.example/pack.json', '//evil.example/pack.json', 'http://127.0.0.2:9/pack.json']) {
    const before = s.requests.length;
    const page = await s.open(`mode=study&pack=${encodeURIComponent(value)}`, { waitFor: STUDY });
    await page.locator(packNotice).waitFor();
    const made = s.requests.slice(before).filter((u) => !u.startsWith(s.origin));
    assert.deepEqual(made, [], value);
    assert.equal(await page.locator(STUDY).getAttribute('data-scenario'), 'gpu-least-ops');
    s.assertClean(value);
    await page.close();
  }
});

test('an embedded pack posts its answers with the pack title and scenario id', async () => {
  const sc = byId['w3-helm'];
  const src = `${s.url}?mode=study&pack=packs/week3.json&q=${sc.id}&embed=1`;
  const page = await s.context.newPage();
  await page.goto(`${s.origin}/pack-host.html?src=${encodeURIComponent(src)}`, { waitUntil: 'load' });
  const frame = page.frameLocator('#lesson');
  await frame.locator(`${STUDY}[data-scenario="${sc.id}"]`).waitFor();
  await frame.locator(choice(sc.current)).check();
  await frame.locator('[data-testid="study-reveal"]').click();
  const msg = await page.waitForFunction(() => window.__messages.find((m) => m && m.type === 'berth:answer'));
  const m = await msg.jsonValue();
  assert.equal(m.scenario, sc.id);
  assert.equal(m.pack, example.title);
  assert.equal(m.pack_source, 'packs/week3.json');
  assert.equal(m.expected, sc.current);
  assert.equal(m.correct, true);
  s.assertClean('embedded pack');
  await page.close();
});

test('the embed dialog in study mode gives a snippet for the pack', async () => {
  const page = await s.open('mode=study&pack=packs/week3.json', { waitFor: STUDY });
  await page.locator('[data-testid="embed"] summary').click();
  const code = await page.locator('[data-testid="embed-code"]').inputValue();
  assert.ok(code.includes('mode=study') && code.includes('pack=packs/week3.json') && code.includes('embed=1'), code);
  s.assertClean('embed snippet');
  await page.close();
});

test('a pack works offline after a first visit', async () => {
  const page = await s.open('mode=study&pack=packs/week3.json', { waitFor: STUDY });
  await page.evaluate(async () => { await navigator.serviceWorker.ready; });
  await page.reload();
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 10000 });
  await page.waitForSelector(STUDY);
  // The service worker keeps a copy of the pack it fetched for the controlled page.
  await page.waitForFunction(async () => Boolean(await caches.match(new Request('packs/week3.json'))), null, { timeout: 10000 });
  await s.context.setOffline(true);
  await page.goto(`${s.url}?mode=study&pack=packs/week3.json&q=w3-helm`);
  await page.waitForSelector(`${STUDY}[data-scenario="w3-helm"]`);
  assert.equal(await page.locator(packNotice).count(), 0);
  await page.goto(`${s.url}?mode=study&q=mesh-mtls`);
  await page.waitForSelector(`${STUDY}[data-scenario="mesh-mtls"]`);
  await s.context.setOffline(false);
  s.assertClean('offline pack');
  await page.close();
});
