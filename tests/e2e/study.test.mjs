// Study mode in the real page: a scenario opened by id, answered and revealed; the verdict is the
// engine's answer (checked against a native run of the same engine, core/examples/study.rs), the
// score persists across reloads, corrupt saved progress is kept aside with a notice, the radio group
// works from the keyboard, and an embedded study posts berth:answer to its host page.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { startSession, ROOT, HOST_PAGE } from './harness.mjs';

/** Every scenario with the engine's answer under each advice, from the native build. */
const native = JSON.parse(
  execFileSync('cargo', ['run', '-q', '-p', 'berth-core', '--example', 'study'], { cwd: ROOT, encoding: 'utf8' }),
);
const byId = Object.fromEntries(native.map((s) => [s.id, s]));


let s;
before(async () => {
  s = await startSession({ extra: { '/host.html': ['text/html; charset=utf-8', HOST_PAGE] } });
});
after(async () => {
  await s?.close();
});

const STUDY = '[data-testid="study"]';
const choice = (p) => `[data-testid="study-choice"][data-platform="${p}"]`;

async function score(page) {
  const el = page.locator('[data-testid="study-score"]');
  return { answered: Number(await el.getAttribute('data-answered')), correct: Number(await el.getAttribute('data-correct')) };
}

test('the native list has at least 40 scenarios and the engine answer is always a choice', () => {
  assert.ok(native.length >= 40, `${native.length}`);
  for (const sc of native) {
    for (const a of ['exam', 'current']) assert.ok(sc.choices.includes(sc[a]), `${sc.id} ${a}`);
  }
  assert.ok(native.filter((sc) => sc.exam !== sc.current).length >= 4);
});

test('answer a scenario by id, see the engine verdict, and keep the score across a reload', async () => {
  const sc = byId['gpu-least-ops'];
  const page = await s.open(`mode=study&q=${sc.id}`, { waitFor: STUDY });
  assert.equal(await page.locator(STUDY).getAttribute('data-scenario'), sc.id);
  assert.equal(await page.locator(STUDY).locator('fieldset > legend').count(), 1, 'the choices are a real fieldset with a legend');
  const platforms = await page.locator('[data-testid="study-choice"]').evaluateAll((els) => els.map((e) => e.dataset.platform));
  assert.deepEqual(platforms, sc.choices);
  assert.equal(await page.locator('[data-testid="study-verdict"]').count(), 0, 'no verdict before the reveal');
  assert.ok(await page.locator('[data-testid="study-reveal"]').isDisabled(), 'reveal waits for a pick');
  assert.deepEqual(await score(page), { answered: 0, correct: 0 });

  await page.locator(choice(sc.current)).check();
  await page.locator('[data-testid="study-reveal"]').click();
  const verdict = page.locator('[data-testid="study-verdict"]');
  await verdict.waitFor();
  assert.equal(await verdict.getAttribute('data-expected'), sc.current);
  assert.equal(await verdict.getAttribute('data-correct'), 'true');
  assert.deepEqual(await score(page), { answered: 1, correct: 1 });
  assert.ok((await verdict.locator('ol li').count()) > 0, 'reasons are shown');
  assert.ok((await verdict.locator('[data-testid="trap"]').count()) > 0, 'the trap is shown');

  const saved = await page.evaluate(() => localStorage.getItem('berth.study.v1'));
  const json = JSON.parse(saved);
  assert.equal(json.v, 1);
  assert.deepEqual(json.answers.map((a) => [a.id, a.chosen, a.correct]), [[sc.id, sc.current, true]]);

  await page.reload();
  await page.waitForSelector(STUDY);
  assert.equal(await page.locator(STUDY).getAttribute('data-scenario'), sc.id, 'the URL keeps the scenario');
  assert.deepEqual(await score(page), { answered: 1, correct: 1 });
  assert.equal(await page.locator('[data-testid="study-verdict"]').getAttribute('data-correct'), 'true');

  // Next scenario, answered wrongly on purpose.
  await page.locator('[data-testid="study-next"]').click();
  const nextId = native[native.findIndex((x) => x.id === sc.id) + 1].id;
  await page.waitForSelector(`${STUDY}[data-scenario="${nextId}"]`);
  const next = byId[nextId];
  const wrong = next.choices.find((p) => p !== next.current);
  await page.locator(choice(wrong)).check();
  await page.locator('[data-testid="study-reveal"]').click();
  await page.waitForSelector('[data-testid="study-verdict"][data-correct="false"]');
  assert.equal(await page.locator('[data-testid="study-verdict"]').getAttribute('data-expected'), next.current);
  assert.deepEqual(await score(page), { answered: 2, correct: 1 });
  await page.waitForFunction((id) => location.search.includes(`q=${id}`), nextId);
  s.assertClean('answer and reload');
  await page.close();
});

test('the exam key and today differ: the verdict follows the advice and shows both', async () => {
  const sc = native.find((x) => x.exam !== x.current);
  const page = await s.open(`mode=study&q=${sc.id}&advice=exam`, { waitFor: STUDY });
  await page.locator(choice(sc.exam)).check();
  await page.locator('[data-testid="study-reveal"]').click();
  const verdict = page.locator('[data-testid="study-verdict"]');
  await verdict.waitFor();
  assert.equal(await verdict.getAttribute('data-expected'), sc.exam);
  assert.equal(await verdict.getAttribute('data-correct'), 'true');
  assert.equal(await verdict.getAttribute('data-advice'), 'exam');
  const diff = verdict.locator('[data-testid="advice-diff"]').first();
  await diff.waitFor();
  assert.ok((await diff.locator('dd[data-advice="exam"]').innerText()).length > 0);
  assert.ok((await diff.locator('dd[data-advice="current"]').innerText()).length > 0);
  // The same scenario judged by today's advice expects the other platform.
  await page.getByRole('button', { name: 'Answer this one again' }).click();
  await page.getByRole('button', { name: "Today's advice" }).click();
  await page.locator(choice(sc.exam)).check();
  await page.locator('[data-testid="study-reveal"]').click();
  await page.waitForSelector('[data-testid="study-verdict"][data-advice="current"]');
  assert.equal(await verdict.getAttribute('data-expected'), sc.current);
  assert.equal(await verdict.getAttribute('data-correct'), 'false');

  // "Explore this scenario" opens the same facts in the playground, where the engine agrees.
  const href = await page.getByRole('link', { name: 'Explore this scenario in the playground' }).getAttribute('href');
  assert.ok(!href.includes('mode=study'), href);
  await page.goto(href);
  const rec = page.locator('[data-testid="recommendation"]');
  await rec.waitFor();
  assert.equal(await rec.getAttribute('data-platform'), sc.current);
  s.assertClean('advice');
  await page.close();
});

test('the choices work from the keyboard', async () => {
  const sc = byId['helm-portability'];
  const page = await s.open(`mode=study&q=${sc.id}`, { waitFor: STUDY });
  await page.locator(choice(sc.choices[0])).focus();
  await page.keyboard.press('Space');
  assert.ok(await page.locator(choice(sc.choices[0])).isChecked());
  await page.keyboard.press('ArrowDown');
  assert.ok(await page.locator(choice(sc.choices[1])).isChecked(), 'arrow keys move the selection');
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement?.dataset.testid), 'study-reveal');
  await page.keyboard.press('Enter');
  const verdict = page.locator('[data-testid="study-verdict"]');
  await verdict.waitFor();
  assert.equal(await verdict.getAttribute('data-correct'), String(sc.choices[1] === sc.current));
  s.assertClean('keyboard');
  await page.close();
});

test('corrupt saved progress is kept aside with a notice and the app still works', async () => {
  const page = await s.open('mode=study&q=mesh-mtls', { waitFor: STUDY });
  const bad = '{"v":9,"answers":"not what this build reads"}';
  await page.evaluate((t) => {
    for (const k of Object.keys(localStorage)) if (k.startsWith('berth.study.v1.corrupt.')) localStorage.removeItem(k);
    localStorage.setItem('berth.study.v1', t);
  }, bad);
  await page.reload();
  await page.waitForSelector(STUDY);
  const notice = page.locator('[data-testid="notice"]', { hasText: 'study progress' });
  await notice.waitFor();
  assert.match(await notice.innerText(), /berth\.study\.v1\.corrupt\.\d+/);
  const kept = await page.evaluate(() =>
    Object.keys(localStorage).filter((k) => k.startsWith('berth.study.v1.corrupt.')).map((k) => localStorage.getItem(k)),
  );
  assert.deepEqual(kept, [bad], 'the old text is kept under a corrupt.<time> key');
  assert.deepEqual(await score(page), { answered: 0, correct: 0 });
  const sc = byId['mesh-mtls'];
  await page.locator(choice(sc.current)).check();
  await page.locator('[data-testid="study-reveal"]').click();
  await page.waitForSelector('[data-testid="study-verdict"][data-correct="true"]');
  assert.deepEqual(await score(page), { answered: 1, correct: 1 });
  assert.equal(JSON.parse(await page.evaluate(() => localStorage.getItem('berth.study.v1'))).v, 1);

  await page.getByRole('button', { name: 'Reset progress' }).click();
  assert.deepEqual(await score(page), { answered: 0, correct: 0 });
  await page.waitForFunction(() => localStorage.getItem('berth.study.v1') === null);
  s.assertClean('corrupt storage');
  await page.close();
});

test('embedded in a lesson, revealing an answer posts berth:answer to the host page', async () => {
  const sc = byId['code-only-web-app'];
  const src = `${s.url}?mode=study&q=${sc.id}&embed=1&advice=exam`;
  const page = await s.context.newPage();
  await page.goto(`${s.origin}/host.html?src=${encodeURIComponent(src)}`, { waitUntil: 'load' });
  const frame = page.frameLocator('#lesson');
  await frame.locator(STUDY).waitFor();
  assert.equal(await frame.locator('.header').count(), 0, 'no page chrome when embedded');
  await frame.locator(choice(sc.current)).check();
  await frame.locator('[data-testid="study-reveal"]').click();
  await frame.locator('[data-testid="study-verdict"]').waitFor();
  const msg = await page.waitForFunction(() => window.__messages.find((m) => m && m.type === 'berth:answer'));
  const m = await msg.jsonValue();
  assert.equal(m.scenario, sc.id);
  assert.equal(m.chosen, sc.current);
  assert.equal(m.expected, sc.exam);
  assert.equal(m.correct, sc.current === sc.exam);
  assert.equal(m.advice, 'exam');
  const shown = await frame.locator('[data-testid="study-score"]').evaluate((e) => ({
    answered: Number(e.dataset.answered), correct: Number(e.dataset.correct),
  }));
  assert.deepEqual(m.score, shown);
  s.assertClean('embedded');
  await page.close();
});

test('the header switches between explore and study', async () => {
  const page = await s.open('gpu=1', { waitFor: '[data-testid="recommendation"]' });
  await page.getByRole('group', { name: 'Mode' }).getByRole('button', { name: 'Study' }).click();
  await page.waitForSelector(STUDY);
  assert.equal(await page.locator('[data-testid="recommendation"]').count(), 0, 'study replaces the explore panels');
  await page.waitForFunction(() => location.search.includes('mode=study'));
  await page.getByRole('group', { name: 'Mode' }).getByRole('button', { name: 'Explore' }).click();
  await page.waitForSelector('[data-testid="recommendation"]');
  s.assertClean('mode switch');
  await page.close();
});

test('study mode fits a 360 px wide screen', async () => {
  const page = await s.context.newPage();
  await page.setViewportSize({ width: 360, height: 740 });
  await s.open('mode=study&q=gpu-training-spot', { page, waitFor: STUDY });
  await page.locator('[data-testid="study-choice"]').first().check();
  await page.locator('[data-testid="study-reveal"]').click();
  await page.locator('[data-testid="study-verdict"]').waitFor();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.ok(overflow <= 0, `page scrolls sideways by ${overflow}px`);
  s.assertClean('narrow');
  await page.close();
});

test('study mode with a verdict passes axe-core in light and dark', async () => {
  const axe = readFileSync(resolve(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8');
  for (const scheme of ['light', 'dark']) {
    const page = await s.context.newPage();
    await page.emulateMedia({ colorScheme: scheme });
    await s.open('mode=study&q=blue-green-rollback&advice=exam', { page, waitFor: STUDY });
    if (await page.locator('[data-testid="study-reveal"]').count()) {
      await page.locator('[data-testid="study-choice"]').nth(1).check();
      await page.locator('[data-testid="study-reveal"]').click();
    }
    await page.locator('[data-testid="study-verdict"]').waitFor();
    await page.evaluate(() => { document.querySelector('.study-nav__all').open = true; });
    await page.evaluate(axe); // through the debugging protocol, so the page's CSP does not apply
    const r = await page.evaluate(() => window.axe.run(document, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21aa'] }));
    assert.deepEqual(r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`), [], scheme);
    s.assertClean(`axe ${scheme}`);
    await page.close();
  }
});

test('switching the advice after a reveal judges the verdict again and says how it was scored; a reset can be undone', async () => {
  const sc = native.find((x) => x.exam !== x.current);
  const page = await s.open(`mode=study&q=${sc.id}&advice=current`, { waitFor: STUDY });
  // Earlier tests may have answered this scenario: start from no progress.
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  await page.waitForSelector(STUDY);
  await page.click(choice(sc.current));
  await page.click('[data-testid="study-reveal"]');
  const verdict = page.locator('[data-testid="study-verdict"]');
  await verdict.waitFor();
  assert.equal(await verdict.getAttribute('data-advice'), 'current');
  assert.equal(await verdict.getAttribute('data-correct'), 'true');
  await page.click('button:has-text("Exam answer")');
  await page.waitForSelector('[data-testid="study-verdict"][data-advice="exam"]');
  assert.equal(await verdict.getAttribute('data-expected'), sc.exam);
  assert.equal(await verdict.getAttribute('data-correct'), 'false');
  assert.doesNotMatch(await verdict.innerText(), /Under today's AWS advice, the engine answers/);
  assert.match(await page.locator('[data-testid="study-scored"]').innerText(), /under today's AWS advice: right/);
  const before = await score(page);
  assert.ok(before.answered >= 1);

  await page.click('[data-testid="study-reset"]');
  await page.waitForSelector('[data-testid="study-undo-reset"]');
  assert.deepEqual(await score(page), { answered: 0, correct: 0 });
  await page.click('[data-testid="study-undo-reset"]');
  await page.waitForSelector('[data-testid="study-reset"]');
  assert.deepEqual(await score(page), before);
  await page.reload();
  await page.waitForSelector(STUDY);
  assert.deepEqual(await score(page), before, 'the undone reset is stored');
  s.assertClean('advice switch and undo reset');
  await page.close();
});
