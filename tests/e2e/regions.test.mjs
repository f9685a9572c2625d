// Every Region of the Region control in the real page: a deep link prices each option or says why it
// cannot (a rate with no sourced figure in that Region, or a service AWS does not offer there), and the
// catalog panel shows that Region's own rates with their sources and names what it lacks, never
// another Region's figure.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startSession } from './harness.mjs';

let s;
let page;
before(async () => {
  s = await startSession();
  page = await s.open('', { waitFor: '[data-testid="catalog"]' });
});
after(async () => {
  await s?.close();
});

const PROMISED = [
  'us-east-1', 'us-east-2', 'us-west-1', 'us-west-2', 'ca-central-1', 'sa-east-1', 'eu-west-1', 'eu-west-2', 'eu-west-3',
  'eu-central-1', 'eu-north-1', 'eu-south-1', 'ap-south-1', 'ap-northeast-1', 'ap-northeast-2', 'ap-southeast-1',
  'ap-southeast-2',
];

async function openCatalog() {
  const d = page.locator('details.catalog__rates');
  if (!(await d.evaluate((el) => el.open))) await d.locator('summary').click();
  await page.locator('[data-testid="rate"]').first().waitFor();
}

async function cards() {
  return page.$$eval('[data-testid="option-card"]', (els) =>
    els.map((e) => ({
      platform: e.dataset.platform,
      usd: e.dataset.monthlyUsd,
      problem: e.querySelector('.card__problem')?.innerText ?? '',
    })),
  );
}

test('every promised Region is in the Region control', async () => {
  const ids = await page.$$eval('#catalog-region option', (os) => os.map((o) => o.value));
  for (const id of PROMISED) assert.ok(ids.includes(id), `${id} missing from ${ids.join(' ')}`);
  assert.equal(ids[0], 'us-east-1');
});

for (const region of PROMISED) {
  test(`?region=${region} prices every option or says why not, and the catalog shows ${region}'s rates`, async () => {
    await s.open(`region=${region}`, { page, waitFor: '[data-testid="catalog"]' });
    const cs = await cards();
    assert.ok(cs.length > 0);
    for (const c of cs) {
      if (c.usd) {
        assert.match(c.usd, /^\d+\.\d{2}$/, `${region} ${c.platform}`);
      } else {
        assert.ok(c.problem.length > 0, `${region} ${c.platform}: no figure and no reason`);
        assert.ok(!/us-east-1/.test(c.problem) || region === 'us-east-1', c.problem);
      }
    }
    assert.equal(await page.$eval('#catalog-region', (e) => e.value), region);
    await openCatalog();
    const fg = page.locator('[data-testid="rate"][data-rate="fargate.vcpu.x86"]');
    // Fargate x86 is sourced in every Region: its row names this Region (or every Region) and a source.
    const prov = await fg.locator('.catalog__prov').innerText();
    assert.ok(prov.includes(region), `${region}: ${prov}`);
    assert.equal(await fg.locator('.catalog__prov a[href^="https://"]').count(), 1);
    if (region !== 'us-east-1') {
      const gaps = page.locator('[data-testid="catalog-gaps"]');
      assert.equal(await gaps.getAttribute('data-region'), region);
      assert.match(await gaps.innerText(), new RegExp(`No sourced figure in ${region} for: `));
    }
    assert.ok(!(await page.content()).includes('NaN'));
    s.assertClean(region);
  });
}

test('a service AWS does not offer in a Region is ruled out there with its reason and source', async () => {
  await s.open('region=us-west-1', { page, waitFor: '[data-testid="catalog"]' });
  await openCatalog();
  const row = page.locator('[data-testid="rate"][data-rate="apprunner.vcpu"]');
  assert.match(await row.locator('[data-testid="rate-not-offered"]').innerText(), /Not offered in us-west-1: App Runner/);
  assert.equal(await row.locator('a[href^="https://"]').count(), 1);
  const ar = (await cards()).find((c) => c.platform === 'app-runner');
  if (ar && !ar.usd) assert.match(ar.problem, /Not offered in US West \(N\. California\)/);
  s.assertClean('not offered');
});
