// The bundle server (scripts/serve.mjs): with `compress` it serves what a static host would,
// compressed bodies with Content-Encoding and Vary; without it, the plain bytes the e2e tests use.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { get } from 'node:http';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { pickEncoding, serve } from '../scripts/serve.mjs';

const JS = `export const text = ${JSON.stringify('a phone in a classroom '.repeat(200))};\n`;
const WASM = Buffer.concat([Buffer.from([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0]), Buffer.alloc(4096, 7)]);
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]);

function bundle() {
  const dir = mkdtempSync(join(tmpdir(), 'berth-serve-'));
  writeFileSync(join(dir, 'index.html'), `<!doctype html><title>t</title>${'<p>x</p>'.repeat(100)}`);
  writeFileSync(join(dir, 'app-0123456789abcdef.js'), JS);
  writeFileSync(join(dir, 'app-0123456789abcdef_bg.wasm'), WASM);
  writeFileSync(join(dir, 'icon.png'), PNG);
  return dir;
}

/** Raw bytes and headers, no decoding (Node's fetch would decompress silently). */
function raw(url, acceptEncoding) {
  return new Promise((ok, fail) => {
    get(url, { headers: acceptEncoding ? { 'accept-encoding': acceptEncoding } : {} }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => ok({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }));
    }).on('error', fail);
  });
}

test('the compressed server sends correct gzip with Content-Encoding, Vary and the plain type', async () => {
  const s = await serve({ root: bundle(), base: '/sub/', compress: 'gzip' });
  try {
    const js = await raw(`${s.url}app-0123456789abcdef.js`, 'gzip, deflate, br');
    assert.equal(js.status, 200);
    assert.equal(js.headers['content-encoding'], 'gzip');
    assert.match(js.headers.vary, /accept-encoding/i);
    assert.equal(js.headers['content-type'], 'text/javascript; charset=utf-8');
    assert.equal(Number(js.headers['content-length']), js.body.length);
    assert.ok(js.body.length < JS.length / 5, `gzip body ${js.body.length} B of ${JS.length} B`);
    assert.equal(gunzipSync(js.body).toString(), JS);

    const wasm = await raw(`${s.url}app-0123456789abcdef_bg.wasm`, 'gzip');
    assert.equal(wasm.headers['content-encoding'], 'gzip');
    assert.equal(wasm.headers['content-type'], 'application/wasm');
    assert.deepEqual(gunzipSync(wasm.body), WASM);

    const html = await raw(s.url, 'gzip');
    assert.equal(html.headers['content-encoding'], 'gzip');
    assert.match(gunzipSync(html.body).toString(), /^<!doctype html>/);

    // A client that does not accept gzip gets the plain bytes, still told that they vary.
    const plain = await raw(`${s.url}app-0123456789abcdef.js`, 'identity');
    assert.equal(plain.headers['content-encoding'], undefined);
    assert.match(plain.headers.vary, /accept-encoding/i);
    assert.equal(plain.body.toString(), JS);
    // Images are not compressed again.
    const png = await raw(`${s.url}icon.png`, 'gzip');
    assert.equal(png.headers['content-encoding'], undefined);
    assert.deepEqual(png.body, PNG);
  } finally {
    await s.close();
  }
});

test('brotli is sent to clients that accept it, gzip to those that do not', async () => {
  const s = await serve({ root: bundle(), compress: 'br' });
  try {
    const br = await raw(`${s.url}app-0123456789abcdef.js`, 'gzip, br');
    assert.equal(br.headers['content-encoding'], 'br');
    assert.equal(brotliDecompressSync(br.body).toString(), JS);
    const gz = await raw(`${s.url}app-0123456789abcdef.js`, 'gzip');
    assert.equal(gz.headers['content-encoding'], 'gzip');
    assert.equal(gunzipSync(gz.body).toString(), JS);
  } finally {
    await s.close();
  }
});

test('the plain server (the e2e tests) never compresses', async () => {
  const s = await serve({ root: bundle() });
  try {
    const js = await raw(`${s.url}app-0123456789abcdef.js`, 'gzip, br');
    assert.equal(js.headers['content-encoding'], undefined);
    assert.equal(js.headers.vary, undefined);
    assert.equal(js.body.toString(), JS);
  } finally {
    await s.close();
  }
});

test('Accept-Encoding is read with its weights', () => {
  assert.equal(pickEncoding('gzip', 'gzip;q=0, br'), null);
  assert.equal(pickEncoding('br', 'br;q=0.5, gzip'), 'br');
  assert.equal(pickEncoding('br', 'GZIP'), 'gzip');
  assert.equal(pickEncoding(null, 'gzip'), null);
  assert.equal(pickEncoding('gzip', ''), null);
});
