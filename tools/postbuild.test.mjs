import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { allowInlineStyles, externalizeBoot, foreignUrls, htmlUrls, insertSnapshot, postbuild, SNAPSHOT_GATE } from './postbuild.mjs';

const PAGE = `<!doctype html><html><head>
<meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; object-src 'none'">
<style>.card { color: red }</style>
<link rel="modulepreload" href="./berth-0123456789abcdef.js" crossorigin="anonymous" integrity="sha384-x">
<script type="module">
import init, * as bindings from './berth-0123456789abcdef.js';
const wasm = await init({ module_or_path: './berth-0123456789abcdef_bg.wasm' });
</script></head><body><!--snapshot--></body></html>`;
const FRAME = '<div class="app"><main aria-busy="true"><p data-testid="option-card">ECS on Fargate $1,535.92 $& $1</p></main></div>';

test('the inline boot script moves to a hashed file the page loads by URL', () => {
  const [html, name, body] = externalizeBoot(PAGE);
  assert.match(name, /^boot-[0-9a-f]{16}\.js$/);
  assert.ok(html.includes(`<script type="module" src="./${name}"></script>`));
  assert.ok(!/<script type="module">/.test(html));
  assert.ok(body.includes("await import('./berth-0123456789abcdef.js')"));
  assert.ok(body.includes("module_or_path: './berth-0123456789abcdef_bg.wasm'"));
  assert.ok(body.includes("register('./sw.js')"));
  assert.ok(body.includes("'boot-error'"), 'a failed start says so');
});

test("a boot script other than Trunk's usual one is refused rather than guessed at", () => {
  const other = PAGE.replace("await init({ module_or_path: './berth-0123456789abcdef_bg.wasm' })", 'await init()');
  assert.throws(() => externalizeBoot(other), /Trunk changed its output/);
});

test('a page without a boot script, or with a classic inline script, is refused', () => {
  assert.throws(() => externalizeBoot('<html><body></body></html>'), /no inline boot script/);
  assert.throws(() => externalizeBoot('<script>alert(1)</script>'), /non-module/);
});

test('foreign and root-absolute URLs are found in html, css, js and the manifest', () => {
  const found = foreignUrls([
    ['index.html', '<link href="https://cdn.example/x.css"><img src="./ok.svg"><iframe src="//evil/x">'],
    ['app.css', 'a{background:url(data:image/png;base64,AA)} b{background:url("/abs.png")} @import "http://x/y.css";'],
    ['boot.js', "import x from './ok.js'; fetch('https://api.example/')"],
    ['manifest.webmanifest', '{"start_url":"./","icons":[{"src":"https://x/icon.png"}]}'],
  ]);
  assert.equal(found.length, 6, found.join('\n'));
  assert.deepEqual(foreignUrls([['index.html', '<link href="./a.css"><script src="./b.js"></script>']]), []);
  // A link the reader may follow is not a load (the snapshot holds the rate sources' links); an
  // image inside that link still is.
  assert.deepEqual(foreignUrls([['index.html', '<a class="source" href="https://docs.aws.amazon.com/x.html">AWS</a>']]), []);
  assert.equal(foreignUrls([['index.html', '<a href="https://x/"><img src="https://x/i.png"></a>']]).length, 1);
});

test('postbuild writes the boot file, a versioned service worker and build.json', () => {
  const dir = mkdtempSync(join(tmpdir(), 'berth-pb-'));
  writeFileSync(join(dir, 'index.html'), PAGE);
  writeFileSync(join(dir, 'berth-0123456789abcdef.js'), 'export default 1;');
  writeFileSync(join(dir, 'berth-0123456789abcdef_bg.wasm'), Buffer.alloc(100));
  const { version, files, bootName } = postbuild(dir, FRAME);
  assert.match(version, /^[0-9a-f]{16}$/);
  const sw = readFileSync(join(dir, 'sw.js'), 'utf8');
  assert.ok(sw.includes(`const VERSION = '${version}'`));
  for (const n of ['./', `./${bootName}`, './berth-0123456789abcdef_bg.wasm']) assert.ok(sw.includes(`"${n}"`), n);
  const build = JSON.parse(readFileSync(join(dir, 'build.json'), 'utf8'));
  assert.equal(build.version, version);
  assert.equal(build.files.length, files.length);
  assert.ok(readdirSync(dir).includes(bootName));
  assert.ok(readFileSync(join(dir, 'index.html'), 'utf8').includes('<div id="snapshot" class="snapshot" hidden inert><div class="app">'));
  // A changed asset changes the version, so browsers install the new worker and drop the old cache.
  const dir2 = mkdtempSync(join(tmpdir(), 'berth-pb-'));
  writeFileSync(join(dir2, 'index.html'), PAGE);
  writeFileSync(join(dir2, 'berth-0123456789abcdef.js'), 'export default 2;');
  assert.notEqual(postbuild(dir2, FRAME).version, version);
});

test('the snapshot goes in hidden and inert, with its test ids renamed and its text kept as is', () => {
  const html = insertSnapshot(PAGE, FRAME);
  assert.ok(!html.includes('<!--snapshot-->'));
  assert.ok(html.includes('<div id="snapshot" class="snapshot" hidden inert><div class="app">'));
  // Dollar signs are text, not replacement patterns.
  assert.ok(html.includes('<p data-snapshot-testid="option-card">ECS on Fargate $1,535.92 $& $1</p>'), html);
  assert.ok(!html.includes(' data-testid='));
  // Its gate follows it, the page's one inline script, allowed by the CSP through its hash alone.
  assert.ok(html.includes(`ECS on Fargate $1,535.92 $& $1</p></main></div></div><script>${SNAPSHOT_GATE}</script></body>`));
  assert.equal(html.match(/<script>/g).length, 1);
  const hash = createHash('sha256').update(SNAPSHOT_GATE).digest('base64');
  assert.ok(html.includes(`content="default-src 'self'; script-src 'self' 'sha256-${hash}' 'wasm-unsafe-eval'; style-src 'self'; object-src 'none'"`), html);
  assert.ok(!/unsafe-inline/.test(html));
});

test('a page without the placeholder or the CSP, or a frame that is not the app, is refused', () => {
  assert.throws(() => insertSnapshot('<html><body></body></html>', FRAME), /placeholder/);
  assert.throws(() => insertSnapshot('<html><body><!--snapshot--></body></html>', FRAME), /Content-Security-Policy/);
  assert.throws(() => insertSnapshot(PAGE, '<p>hello</p>'), /not the app/);
  assert.throws(() => insertSnapshot(PAGE, '<div class="app"><script>x()</script></div>'), /script/);
  assert.throws(() => insertSnapshot(PAGE, '<div class="app"><!--<[App]>--></div>'), /comment/);
});

/** Runs the gate against stand-ins: a snapshot element, a query string and local storage keys. */
function gate({ search = '', keys = [], storage = true }) {
  const snapshot = { hidden: true, removed: false, remove() { this.removed = true; } };
  const localStorage = storage ? { length: keys.length, key: (i) => keys[i] } : {
    get length() { throw new Error('SecurityError: storage is blocked'); },
  };
  new Function('document', 'location', 'localStorage', SNAPSHOT_GATE)(
    { getElementById: (id) => (id === 'snapshot' ? snapshot : null) }, { search }, localStorage);
  return snapshot.removed ? 'removed' : snapshot.hidden ? 'hidden' : 'shown';
}

test('the gate shows the snapshot only on a first visit; the boot script drops it if the app cannot start', () => {
  assert.equal(gate({}), 'shown');
  assert.equal(gate({ search: '?' }), 'shown', 'an empty query is no query');
  assert.equal(gate({ keys: ['other-site.theme'] }), 'shown', "another app's storage does not count");
  assert.equal(gate({ search: '?gpu=1' }), 'removed');
  assert.equal(gate({ keys: ['x', 'berth.scenarios.v1'] }), 'removed');
  assert.equal(gate({ storage: false }), 'removed', 'storage that cannot be read may hold anything');
  const [, , body] = externalizeBoot(PAGE);
  assert.ok(!body.includes('location.search'), 'the boot script no longer decides');
  const fail = body.slice(body.indexOf('} catch (e) {'));
  assert.ok(fail.includes("getElementById('snapshot')?.remove()"));
});

test('the URLs of an HTML text are found with whether each is a link or a load', () => {
  assert.deepEqual(htmlUrls(`<link rel="icon" href='./f.svg'><A HREF="https://x/">x</A><area href="#m"><img src="./i.png"><a src="./odd.js">`), [
    { url: './f.svg', link: false },
    { url: 'https://x/', link: true },
    { url: '#m', link: true },
    { url: './i.png', link: false },
    { url: './odd.js', link: false },
  ]);
});

test('inline styles are allowed by their hashes, each exactly, and nothing else inline', () => {
  const [html, styles] = allowInlineStyles(PAGE);
  assert.deepEqual(styles, ['.card { color: red }']);
  const hash = createHash('sha256').update('.card { color: red }').digest('base64');
  assert.ok(html.includes(`style-src 'self' 'sha256-${hash}'; object-src`), html);
  assert.ok(!/unsafe-inline/.test(html));
  assert.throws(() => allowInlineStyles(PAGE.replace(" style-src 'self';", '')), /style-src/);
  assert.throws(() => allowInlineStyles(PAGE.replace('<style>', '<style media="print">')), /attributes/);
});

test('postbuild checks the inline styles for loads from another origin too', () => {
  const dir = mkdtempSync(join(tmpdir(), 'berth-pb-'));
  writeFileSync(join(dir, 'index.html'), PAGE.replace('color: red', 'background: url(https://cdn.example/x.png)'));
  writeFileSync(join(dir, 'berth-0123456789abcdef.js'), 'export default 1;');
  assert.throws(() => postbuild(dir, FRAME), /another origin[\s\S]*cdn\.example/);
});
