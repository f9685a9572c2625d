// Explorable charts (issue 22) and legible charts (issue 23, item 8): a chart is a control of its
// input, each slider has its chart in sight, cards say each thing once, the page is short, labels
// are 12 px or more and every series differs by more than its colour.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startSession } from './harness.mjs';

let s;
before(async () => { s = await startSession(); });
after(async () => { await s?.close(); });

const CHARTS = [['util', 'chart-util', 0.5], ['tasks', 'chart-tasks', 1], ['rps', 'chart-rps', 1]];

const param = (page, key) => new URL(page.url()).searchParams.get(key);

/** Whether the element matching `selector` is drawn and wholly inside the window. */
const inSight = (page, selector) => page.evaluate((sel) => {
  const b = document.querySelector(sel).getBoundingClientRect();
  return b.height > 0 && b.top >= 0 && b.bottom <= innerHeight;
}, selector);

/** The value under screen x, read off the chart's own x ticks (their lines and labels). */
async function valueAt(page, chartId, x) {
  return page.evaluate(([id, x]) => {
    const svg = document.querySelector(`#${id} .chart__svg`);
    const ticks = [...svg.querySelectorAll('.chart__xtick')].map((line) => ({
      x: line.getBoundingClientRect().left,
      v: Number(line.parentElement.querySelector('text').textContent.replace(/[^\d.]/g, '')),
    }));
    const [a, b] = [ticks[0], ticks[ticks.length - 1]];
    return a.v + ((x - a.x) * (b.v - a.v)) / (b.x - a.x);
  }, [chartId, x]);
}

async function drag(page, chartId, from, to) {
  const box = await page.locator(`#${chartId} [data-role="chart-control"]`).boundingBox();
  const y = box.y + box.height / 2;
  const x0 = box.x + box.width * from;
  const x1 = box.x + box.width * to;
  await page.mouse.move(x0, y);
  await page.mouse.down();
  await page.mouse.move((x0 + x1) / 2, y, { steps: 4 });
  await page.mouse.move(x1, y, { steps: 4 });
  await page.mouse.up();
  return x1;
}

test('dragging in each chart sets its input to the value under the pointer, and the marker follows', async () => {
  const page = await s.open('tasks=20&util=70&rps=40');
  for (const [key, id, step] of CHARTS) {
    await page.locator(`#${id}`).scrollIntoViewIfNeeded();
    for (const [from, to] of [[0.5, 0.3], [0.2, 0.85]]) {
      const x = await drag(page, id, from, to);
      // The address is written once the input settles.
      await page.waitForTimeout(400);
      const got = Number(param(page, key));
      const want = await valueAt(page, id, x);
      assert.ok(Math.abs(got - want) <= step + 1e-9, `${key}: ${got} in the URL, ${want} under the pointer`);
      assert.equal(await page.locator(`input[type="range"][data-key="${key}"]`).inputValue(), String(got), `${key}: the slider follows`);
      const marker = await page.locator(`#${id} .chart__current`).boundingBox();
      const stepPx = Math.abs((await valueAt(page, id, x + 100)) - want) > 0
        ? (100 * step) / Math.abs((await valueAt(page, id, x + 100)) - want) : 0;
      assert.ok(Math.abs(marker.x - x) <= stepPx + 1, `${key}: marker at ${marker.x}, pointer at ${x}`);
    }
  }
  await page.close();
  s.assertClean('drag');
});

test('the keyboard on a focused chart steps its input as on its slider', async () => {
  const page = await s.open('util=70&tasks=20');
  const util = page.locator('#chart-util [data-role="chart-control"]');
  await util.focus();
  await page.keyboard.press('ArrowRight');
  await page.waitForFunction(() => new URL(location.href).searchParams.get('util') === '70.5');
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowLeft');
  await page.waitForFunction(() => new URL(location.href).searchParams.get('util') === '69.5');
  assert.equal(await util.getAttribute('aria-valuenow'), '69.5');
  assert.match(await util.getAttribute('aria-valuetext'), /69\.5 %/);
  await page.keyboard.press('End');
  await page.waitForFunction(() => new URL(location.href).searchParams.get('util') === '100');
  await page.keyboard.press('Home');
  await page.waitForFunction(() => new URL(location.href).searchParams.get('util') === '0');
  const tasks = page.locator('#chart-tasks [data-role="chart-control"]');
  await tasks.focus();
  await page.keyboard.press('ArrowUp');
  await page.waitForFunction(() => new URL(location.href).searchParams.get('tasks') === '21');
  assert.equal(await tasks.getAttribute('role'), 'slider');
  assert.match(await tasks.getAttribute('aria-label'), /Peak tasks|tasks/i);
  await page.close();
  s.assertClean('chart keys');
});

test('a locked input does not move on its chart, and says why', async () => {
  const page = await s.open('util=40&lock=util');
  await page.locator('#chart-util').scrollIntoViewIfNeeded();
  await drag(page, 'chart-util', 0.5, 0.9);
  await page.locator('#chart-util [data-role="chart-control"]').focus();
  await page.keyboard.press('ArrowRight');
  await page.waitForSelector('[data-testid="notice"][data-key="util"]');
  assert.equal(param(page, 'util'), '40');
  assert.equal(await page.locator('#chart-util [data-role="chart-control"]').getAttribute('aria-valuenow'), '40');
  await page.close();
  s.assertClean('locked chart');
});

test('embedded with panels=chart-util, dragging the chart alone explores the lesson', async () => {
  const page = await s.open('embed=1&panels=chart-util&util=30');
  assert.equal(await page.locator('[data-testid="chart"]').count(), 1);
  // Without the inputs panel the chart takes the lesson's width, not the inputs' column.
  const width = await page.evaluate(() => document.querySelector('#chart-util .chart__svg').getBoundingClientRect().width / innerWidth);
  assert.ok(width > 0.9, `the chart is ${(width * 100).toFixed(0)} % of the frame's width`);
  const x = await drag(page, 'chart-util', 0.3, 0.9);
  await page.waitForTimeout(400);
  const got = Number(param(page, 'util'));
  assert.ok(Math.abs(got - (await valueAt(page, 'chart-util', x))) <= 0.5, `util=${got}`);
  await page.close();
  s.assertClean('embedded chart');
});

test('at 1280 x 900 each slider in the middle of the window has its chart in sight, and the answer too', async () => {
  const page = await s.open('tasks=20&util=70');
  for (const [key, id] of CHARTS) {
    const seen = await page.evaluate(([key, id]) => {
      document.querySelector(`input[type="range"][data-key="${key}"]`).scrollIntoView({ block: 'center' });
      const r = document.getElementById(id).querySelector('.chart__svg').getBoundingClientRect();
      const visible = Math.max(0, Math.min(r.bottom, innerHeight) - Math.max(r.top, 0));
      return { share: visible / r.height };
    }, [key, id]);
    // The bar follows the scroll (a passive listener): give it a moment.
    await page.waitForTimeout(50);
    const answer = await inSight(page, '[data-testid="rec-headline"]') || await inSight(page, '[data-testid="answer-bar"]');
    assert.ok(seen.share >= 0.5, `${key}: only ${(seen.share * 100).toFixed(0)} % of its chart in sight`);
    assert.ok(answer, `${key}: the answer is out of sight`);
  }
  await page.close();
  s.assertClean('slider and chart');
});

test('at 360 px each slider sits in its chart, right above the plot', async () => {
  const page = await s.context.newPage();
  await page.setViewportSize({ width: 360, height: 800 });
  await s.open('tasks=20&util=70', { page });
  for (const [key, id] of CHARTS) {
    const where = await page.evaluate(([key, id]) => {
      const control = document.querySelector(`input[type="range"][data-key="${key}"]`).closest('.control');
      const svg = document.querySelector(`#${id} .chart__svg`).getBoundingClientRect();
      const c = control.getBoundingClientRect();
      const legend = document.querySelector(`#${id} .legend`).getBoundingClientRect();
      return { inside: control.closest('figure')?.id === id, gap: svg.top - c.bottom, legend: legend.height };
    }, [key, id]);
    assert.ok(where.inside, `${key}: its control is drawn with its chart`);
    // Only the legend comes between the control and the plot.
    assert.ok(where.gap >= 0 && where.gap <= where.legend + 24, `${key}: ${where.gap} px between the control and its plot (legend ${where.legend} px)`);
  }
  // The pinned answer stays in sight beside each slider and its chart.
  for (const [key] of CHARTS) {
    await page.evaluate((key) => document.querySelector(`input[type="range"][data-key="${key}"]`).scrollIntoView({ block: 'center' }), key);
    assert.ok(await inSight(page, '[data-testid="answer-bar"]'), `${key}: the answer bar is out of sight`);
  }
  await page.close();
  s.assertClean('phone charts');
});

test('the page at 1280 px is at most 6,000 px tall at ?tasks=20&util=70, with every text still there', async () => {
  const page = await s.context.newPage();
  await page.setViewportSize({ width: 1280, height: 900 });
  await s.open('tasks=20&util=70', { page });
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  assert.ok(height <= 6000, `the page is ${height} px tall`);
  // Folded, not dropped: every commitment row, every card's summary and the line items are in
  // the page, and opening the folds shows them.
  const rows = await page.locator('[data-testid="commitment"]').count();
  assert.ok(rows >= 12, `${rows} commitment rows`);
  const cards = await page.locator('[data-testid="option-card"]').count();
  for (const summary of await page.locator('.card__more > summary, .commit--folded > summary, .group__fold > summary').all()) await summary.click();
  await page.waitForFunction((n) => document.querySelectorAll('.card__summary').length === n, cards);
  assert.ok(await page.locator('[data-testid="commitment"]').last().isVisible());
  assert.ok(await page.locator('input[data-key="alb"]').isVisible());
  await page.close();
  s.assertClean('page height');
});

test('no option card says a paragraph twice', async () => {
  const page = await s.open('tasks=20&util=70');
  // Open every card's details: what is inside counts too.
  for (const summary of await page.locator('.card__more > summary').all()) await summary.click();
  await page.waitForTimeout(100);
  const repeats = await page.$$eval('[data-testid="option-card"]', (cards) => cards.flatMap((card) => {
    const norm = (t) => t.replace(/\s+/g, ' ').trim();
    // A bill line's rates are cited under it: two lines priced at one rate (App Runner's
    // provisioned and active memory) each cite it, as a table row repeats a unit.
    const blocks = [...card.querySelectorAll('p, li, dd')].filter((el) => !el.closest('.bill__rates')).map((el) => ({ el, text: norm(el.textContent) })).filter((b) => b.text.length > 40);
    const found = [];
    for (const a of blocks) {
      for (const b of blocks) {
        if (a.el !== b.el && !a.el.contains(b.el) && !b.el.contains(a.el) && b.text.includes(a.text)) {
          found.push(`${card.dataset.platform}: "${a.text}"`);
        }
      }
    }
    return found;
  }));
  assert.deepEqual(repeats, []);
  await page.close();
  s.assertClean('say it once');
});

test('chart labels render at 12 px or more at every width', async () => {
  const page = await s.context.newPage();
  for (const width of [360, 600, 980, 1280, 1600]) {
    await page.setViewportSize({ width, height: 900 });
    await s.open('tasks=20&util=70', { page });
    await page.waitForFunction(() => [...document.querySelectorAll('.chart__svg')].every((svg) =>
      Math.abs(svg.viewBox.baseVal.width - svg.getBoundingClientRect().width) < 1.5));
    const sizes = await page.$$eval('.chart__svg', (svgs) => svgs.flatMap((svg) => {
      const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
      return [...svg.querySelectorAll('.chart__xlabel, .chart__ylabel, .crossing text')].map((t) => parseFloat(getComputedStyle(t).fontSize) * scale);
    }));
    assert.ok(sizes.length > 6);
    const small = Math.min(...sizes);
    assert.ok(small >= 12 - 0.05, `${width} px: a label renders at ${small.toFixed(1)} px`);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth > innerWidth);
    assert.equal(overflow, false, `${width} px: no sideways scroll`);
  }
  await page.close();
  s.assertClean('label size');
});

test('every series has its own dash pattern as well as its colour, in the legend too, light and dark', async () => {
  for (const scheme of ['light', 'dark']) {
    const page = await s.context.newPage();
    await page.emulateMedia({ colorScheme: scheme });
    await s.open('tasks=20&util=70', { page });
    const charts = await page.$$eval('[data-testid="chart"]', (figs) => figs.map((fig) => ({
      id: fig.id,
      series: [...fig.querySelectorAll('.chart__series path')].map((p) => {
        const cs = getComputedStyle(p);
        return { id: p.dataset.series, dash: cs.strokeDasharray, colour: cs.stroke, width: cs.strokeWidth };
      }),
      legend: [...fig.querySelectorAll('.legend__item')].map((li) => {
        const cs = getComputedStyle(li.querySelector('line'));
        return { id: li.dataset.series, dash: cs.strokeDasharray, colour: cs.stroke };
      }),
    })));
    for (const c of charts) {
      assert.ok(c.series.length >= 3, `${c.id}: ${c.series.length} series`);
      const dashes = new Set(c.series.map((x) => `${x.dash}|${x.width}`));
      // One colour per platform (a second pricing of one platform is the same colour, thinner).
      const platforms = new Map(c.series.map((x) => [x.id.split(':')[0], x.colour]));
      const colours = new Set(platforms.values());
      assert.equal(dashes.size, c.series.length, `${scheme} ${c.id}: two series share a dash pattern ${JSON.stringify(c.series)}`);
      assert.equal(colours.size, platforms.size, `${scheme} ${c.id}: two platforms share a colour`);
      for (const l of c.legend) {
        const line = c.series.find((x) => x.id === l.id);
        assert.deepEqual([l.dash, l.colour], [line.dash, line.colour], `${scheme} ${c.id}: legend of ${l.id} matches its line`);
      }
    }
    await page.close();
  }
  s.assertClean('series');
});

test('dragging a chart moves nothing else on the page: its figure and what follows stay put', async () => {
  const page = await s.open('tasks=20&util=70&rps=40');
  for (const [, id] of CHARTS) {
    await page.locator(`#${id}`).scrollIntoViewIfNeeded();
    const box = await page.locator(`#${id} [data-role="chart-control"]`).boundingBox();
    const y = box.y + box.height / 2;
    const layout = () => page.evaluate((id) => {
      const fig = document.getElementById(id);
      const next = fig.nextElementSibling ?? fig.parentElement.nextElementSibling;
      return { top: Math.round(fig.getBoundingClientRect().top), height: Math.round(fig.getBoundingClientRect().height), next: Math.round(next.getBoundingClientRect().top) };
    }, id);
    const before = await layout();
    await page.mouse.move(box.x + box.width * 0.1, y);
    await page.mouse.down();
    for (const f of [0.2, 0.35, 0.5, 0.65, 0.8, 0.95]) {
      await page.mouse.move(box.x + box.width * f, y, { steps: 2 });
      await page.waitForTimeout(30);
      assert.deepEqual(await layout(), before, `${id}: the page moved at ${f} of the plot`);
    }
    await page.mouse.up();
  }
  await page.close();
  s.assertClean('drag without a shift');
});
