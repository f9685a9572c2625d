import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { externalizeBoot, foreignUrls, postbuild } from './postbuild.mjs';

const PAGE = `<!doctype html><html><head>
<link rel="modulepreload" href="./berth-0123456789abcdef.js" crossorigin="anonymous" integrity="sha384-x">
<script type="module">
import init, * as bindings from './berth-0123456789abcdef.js';
const wasm = await init({ module_or_path: './berth-0123456789abcdef_bg.wasm' });
</script></head><body></body></html>`;

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
    ['index.html', '<link href="https://cdn.example/x.css"><img src="./ok.svg"><a href="//evil/x">'],
    ['app.css', 'a{background:url(data:image/png;base64,AA)} b{background:url("/abs.png")} @import "http://x/y.css";'],
    ['boot.js', "import x from './ok.js'; fetch('https://api.example/')"],
    ['manifest.webmanifest', '{"start_url":"./","icons":[{"src":"https://x/icon.png"}]}'],
  ]);
  assert.equal(found.length, 6, found.join('\n'));
  assert.deepEqual(foreignUrls([['index.html', '<link href="./a.css"><script src="./b.js"></script>']]), []);
});

test('postbuild writes the boot file, a versioned service worker and build.json', () => {
  const dir = mkdtempSync(join(tmpdir(), 'berth-pb-'));
  writeFileSync(join(dir, 'index.html'), PAGE);
  writeFileSync(join(dir, 'berth-0123456789abcdef.js'), 'export default 1;');
  writeFileSync(join(dir, 'berth-0123456789abcdef_bg.wasm'), Buffer.alloc(100));
  const { version, files, bootName } = postbuild(dir);
  assert.match(version, /^[0-9a-f]{16}$/);
  const sw = readFileSync(join(dir, 'sw.js'), 'utf8');
  assert.ok(sw.includes(`const VERSION = '${version}'`));
  for (const n of ['./', `./${bootName}`, './berth-0123456789abcdef_bg.wasm']) assert.ok(sw.includes(`"${n}"`), n);
  const build = JSON.parse(readFileSync(join(dir, 'build.json'), 'utf8'));
  assert.equal(build.version, version);
  assert.equal(build.files.length, files.length);
  assert.ok(readdirSync(dir).includes(bootName));
  // A changed asset changes the version, so browsers install the new worker and drop the old cache.
  const dir2 = mkdtempSync(join(tmpdir(), 'berth-pb-'));
  writeFileSync(join(dir2, 'index.html'), PAGE);
  writeFileSync(join(dir2, 'berth-0123456789abcdef.js'), 'export default 2;');
  assert.notEqual(postbuild(dir2).version, version);
});
