// Trunk post-build hook (see Trunk.toml). Works in Trunk's staging directory ($TRUNK_STAGING_DIR):
//  1. moves Trunk's inline boot script into a hashed file (the Content-Security-Policy allows
//     scripts from the page's own origin only), with a message instead of endless loading if the
//     app cannot start, and the service worker registration;
//  2. puts the app's first frame, rendered natively, into the page as a hidden, inert snapshot,
//     followed by the one inline script of the page: the gate that shows the snapshot only when
//     the app will draw exactly that, allowed by the CSP through its SHA-256 hash alone;
//  3. allows the page's stylesheet, which Trunk inlines (`rel="inline"` in index.html) so that the
//     first paint needs no second request, by its hash in the CSP's style-src;
//  4. writes sw.js from tools/sw.js with this build's version and every file to precache;
//  5. writes build.json (version, files, raw and gzip sizes) for the bench and the README;
//  6. fails the build if the page would load anything from another origin.
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync, writeFileSync, statSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';

const HERE = dirname(fileURLToPath(import.meta.url));
const sha = (data) => createHash('sha256').update(data).digest('hex');

const REGISTER_SW = `
if ('serviceWorker' in navigator && location.protocol.startsWith('http')) {
  // After the app has started (the code above awaits it): the load event may already be past.
  const register = () => navigator.serviceWorker.register('./sw.js').catch(() => {});
  if (document.readyState === 'complete') register(); else addEventListener('load', register);
}
`;

/**
 * The app's start, from the two names Trunk's boot script loads. The same steps as Trunk's script,
 * but if they fail (the wasm did not arrive, the browser cannot run it) the loading text turns
 * into a message with a reload link instead of loading forever. A panic while starting shows the
 * app's own error screen first; that one is left in place.
 */
function start(js, wasm) {
  return `try {
  const bindings = await import('${js}');
  const wasm = await bindings.default({ module_or_path: '${wasm}' });
  window.wasmBindings = bindings;
  dispatchEvent(new CustomEvent('TrunkApplicationStarted', { detail: { wasm } }));
} catch (e) {
  document.getElementById('snapshot')?.remove();
  const boot = document.getElementById('boot');
  if (boot && !document.querySelector('[data-testid="panic"]')) {
    const p = document.createElement('p');
    const a = document.createElement('a');
    a.href = location.href;
    a.textContent = 'Reload the page';
    p.append(\`The playground could not start (\${e && e.message ? e.message : e}). \`, a, ' to try again.');
    boot.setAttribute('role', 'alert');
    boot.dataset.testid = 'boot-error';
    boot.replaceChildren(p);
  }
  throw e;
}
`;
}

/**
 * Shows the build's snapshot of the first frame (see `insertSnapshot`) if the app will draw
 * exactly that: no query string and nothing of Berth's in local storage. Otherwise it goes at once.
 * Inline, right after the snapshot, so that it runs as soon as the parser has the snapshot: the
 * first paint is the snapshot, with no wait for a script file. A block, so it leaves no globals.
 */
export const SNAPSHOT_GATE = `{
  const snapshot = document.getElementById('snapshot');
  let first = location.search.length <= 1;
  try {
    for (let i = 0; first && i < localStorage.length; i++) first = !localStorage.key(i).startsWith('berth.');
  } catch {
    first = false;
  }
  if (first) snapshot.hidden = false;
  else snapshot.remove();
}`;

/**
 * Puts the app's first frame, rendered natively (`cargo run --example snapshot`), into the page
 * at `<!--snapshot-->`: hidden until its gate (`SNAPSHOT_GATE`, the script right after it) shows
 * it, and `inert` (nothing in it can be focused or clicked) until the app starts (Yew empties the
 * body when it mounts). Its test ids are renamed so that the DOM contract only ever finds the live
 * app. The page's CSP gets the gate's hash: that exact text is the only inline script it allows.
 */
export function insertSnapshot(html, frame) {
  if (!html.includes('<!--snapshot-->')) throw new Error('index.html has no <!--snapshot--> placeholder');
  if (!/^<div class="app"[ >]/.test(frame) || !frame.endsWith('</div>')) throw new Error(`the snapshot is not the app's frame: ${frame.slice(0, 80)}`);
  if (/<script|<!--/i.test(frame)) throw new Error('the snapshot holds a script or a comment');
  const inert = frame.replaceAll(' data-testid="', ' data-snapshot-testid="');
  return allowInCsp(html, 'script-src', [SNAPSHOT_GATE])
    .replace('<!--snapshot-->', () => `<div id="snapshot" class="snapshot" hidden inert>${inert}</div><script>${SNAPSHOT_GATE}</script>`);
}

/**
 * Adds the SHA-256 hash of each text to the page's CSP `directive`, after its 'self': exactly those
 * inline texts may run or apply, and nothing else inline (no 'unsafe-inline').
 */
function allowInCsp(html, directive, texts) {
  const csp = new RegExp(`(<meta http-equiv="Content-Security-Policy" content="[^"]*\\b${directive} 'self')`);
  if (!csp.test(html)) throw new Error(`index.html has no Content-Security-Policy with ${directive} 'self'`);
  const hashes = texts.map((t) => ` 'sha256-${createHash('sha256').update(t).digest('base64')}'`).join('');
  return html.replace(csp, (m) => `${m}${hashes}`);
}

/** Allows each inline `<style>` (Trunk's inlined stylesheet) by its hash. Returns [html, styleTexts]. */
export function allowInlineStyles(html) {
  if (/<style\s[^>]*>/.test(html)) throw new Error('a <style> with attributes: inline styles must be plain <style> elements');
  const styles = [...html.matchAll(/<style>([\s\S]*?)<\/style>/g)].map((m) => m[1]);
  return [allowInCsp(html, 'style-src', styles), styles];
}

/** Moves the inline module script(s) to one external file. Returns [html, bootName, bootBody]. */
export function externalizeBoot(html) {
  const inline = /<script\b(?![^>]*\bsrc=)([^>]*)>([\s\S]*?)<\/script>/g;
  const bodies = [];
  let out = html.replace(inline, (_m, attrs, body) => {
    if (!/type\s*=\s*["']?module/.test(attrs)) throw new Error(`inline non-module script left in the page: ${attrs}`);
    bodies.push(body.trim());
    return bodies.length === 1 ? '<!--boot-->' : '';
  });
  if (bodies.length === 0) throw new Error('no inline boot script found: has Trunk changed its output?');
  const trunk = bodies.join('\n');
  const js = trunk.match(/^import init, \* as bindings from '(\.\/[\w.-]+\.js)';$/m)?.[1];
  const wasm = trunk.match(/await init\(\{ module_or_path: '(\.\/[\w.-]+\.wasm)' \}\)/)?.[1];
  if (!js || !wasm) throw new Error(`Trunk's boot script is not the one expected: has Trunk changed its output?\n${trunk}`);
  const body = `${start(js, wasm)}${REGISTER_SW}`;
  const name = `boot-${sha(body).slice(0, 16)}.js`;
  out = out.replace('<!--boot-->', `<script type="module" src="./${name}"></script>`);
  return [out, name, body];
}

/**
 * Every `src` and `href` in an HTML text, each with `link: true` when it is a link the reader may
 * follow (the `href` of an `<a>` or `<area>`) rather than something the page loads.
 */
export function htmlUrls(text) {
  const out = [];
  for (const tag of text.matchAll(/<([a-z][a-z0-9-]*)\b[^>]*>/gi)) {
    const anchor = /^(?:a|area)$/i.test(tag[1]);
    for (const m of tag[0].matchAll(/\s(src|href)\s*=\s*["']([^"']*)["']/gi)) out.push({ url: m[2], link: anchor && /^href$/i.test(m[1]) });
  }
  return out;
}

/** Every URL the page, its styles and its scripts would load; each must be relative to the page. */
export function foreignUrls(files) {
  const found = [];
  const check = (file, url) => {
    if (/^(?:[a-z][a-z0-9+.-]*:|\/\/)/i.test(url) && !/^data:/i.test(url)) found.push(`${file}: ${url}`);
    else if (url.startsWith('/')) found.push(`${file}: ${url} (root-absolute: breaks under a sub-path)`);
  };
  for (const [name, text] of files) {
    if (name.endsWith('.html')) {
      // A link the reader may follow (<a href>, as the rate sources are) is not a load.
      for (const { url, link } of htmlUrls(text)) if (!link) check(name, url);
    } else if (name.endsWith('.css')) {
      for (const m of text.matchAll(/url\(\s*["']?([^"')]+)["']?\s*\)/g)) check(name, m[1]);
      for (const m of text.matchAll(/@import\s+["']([^"']+)["']/g)) check(name, m[1]);
    } else if (name.endsWith('.js')) {
      for (const m of text.matchAll(/\b(?:import|from)\s*\(?\s*["']([^"']+)["']/g)) check(name, m[1]);
      for (const m of text.matchAll(/\b(?:fetch|importScripts|register)\(\s*["']([^"']+)["']/g)) check(name, m[1]);
    } else if (name.endsWith('.webmanifest')) {
      const m = JSON.parse(text);
      for (const u of [m.start_url, m.scope, ...(m.icons ?? []).map((i) => i.src)]) if (u) check(name, u);
    }
  }
  return found;
}

/** The app's first frame, rendered natively by the example of that name. */
function renderSnapshot() {
  return execFileSync('cargo', ['run', '--quiet', '--example', 'snapshot'], { cwd: join(HERE, '..'), encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
}

export function postbuild(dir, frame = renderSnapshot()) {
  const indexPath = join(dir, 'index.html');
  const [booted, bootName, bootBody] = externalizeBoot(readFileSync(indexPath, 'utf8'));
  const [html, styles] = allowInlineStyles(booted);
  writeFileSync(indexPath, insertSnapshot(html, frame));
  writeFileSync(join(dir, bootName), bootBody);

  const names = readdirSync(dir).filter((n) => statSync(join(dir, n)).isFile() && n !== 'sw.js' && n !== 'build.json').sort();
  const texts = names.filter((n) => /\.(html|css|js|webmanifest)$/.test(n)).map((n) => [n, readFileSync(join(dir, n), 'utf8')]);
  texts.push(...styles.map((t, i) => [`index.html <style> ${i + 1}.css`, t]));
  const foreign = foreignUrls(texts);
  if (foreign.length) throw new Error(`the bundle would load from another origin:\n  ${foreign.join('\n  ')}`);

  const files = names.map((name) => {
    const data = readFileSync(join(dir, name));
    return { name, bytes: data.length, gzip: gzipSync(data, { level: 9 }).length, sha256: sha(data) };
  });
  const version = sha(files.map((f) => `${f.name}:${f.sha256}`).join('\n')).slice(0, 16);
  const assets = ['./', ...names.filter((n) => n !== 'index.html').map((n) => `./${n}`)];
  const template = readFileSync(join(HERE, 'sw.js'), 'utf8');
  const sw = template.replace('__VERSION__', version).replace('__ASSETS__', JSON.stringify(assets));
  writeFileSync(join(dir, 'sw.js'), sw);
  writeFileSync(join(dir, 'build.json'), `${JSON.stringify({ version, files }, null, 2)}\n`);
  return { version, files, bootName };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const dir = process.env.TRUNK_STAGING_DIR ?? process.argv[2];
  if (!dir) throw new Error('usage: TRUNK_STAGING_DIR=dist node tools/postbuild.mjs');
  const { version, files } = postbuild(dir);
  const gz = files.reduce((t, f) => t + f.gzip, 0);
  console.log(`postbuild: version ${version}, ${files.length} files, ${(gz / 1024).toFixed(1)} KB gzip`);
}
