// A small static file server for the release bundle, on loopback only.
//   node scripts/serve.mjs --root dist --port 8080 [--base /some/sub/path/] [--compress gzip|br]
// With --base the bundle is served under that sub-path (as a course site or GitHub Pages would),
// which proves the bundle only uses relative URLs. With --compress, text and wasm responses are
// compressed for clients that accept it (as any real static host does; the bench measures a phone
// that way); the e2e tests use the plain server. Also exported for the test harness and the bench.
import { createServer } from 'node:http';
import { brotliCompressSync, gzipSync, constants as zlib } from 'node:zlib';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.txt': 'text/plain; charset=utf-8',
};

// What a static host compresses: text and wasm; images are compressed already.
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.wasm', '.css', '.json', '.webmanifest', '.svg', '.txt']);

/**
 * The encoding to send: `compress` ('gzip' or 'br', brotli falling back to gzip) if the request's
 * Accept-Encoding allows it, else none.
 */
export function pickEncoding(compress, acceptEncoding = '') {
  if (!compress) return null;
  const accepted = new Set(String(acceptEncoding).split(',')
    .map((t) => t.trim().split(';'))
    .filter(([, q]) => !q || Number(q.trim().replace(/^q=/, '')) > 0)
    .map(([name]) => name.trim().toLowerCase()));
  if (compress === 'br' && accepted.has('br')) return 'br';
  return accepted.has('gzip') ? 'gzip' : null;
}

function encode(body, encoding) {
  return encoding === 'br'
    ? brotliCompressSync(body, { params: { [zlib.BROTLI_PARAM_QUALITY]: 11, [zlib.BROTLI_PARAM_SIZE_HINT]: body.length } })
    : gzipSync(body, { level: 9 });
}

/**
 * Starts a server; resolves to { server, origin, url, close() }. `extra` may serve test pages;
 * `compress` ('gzip' or 'br') serves compressible files compressed, with Content-Encoding and Vary.
 */
export async function serve({ root = 'dist', port = 0, base = '/', extra = {}, compress = null } = {}) {
  if (compress && !['gzip', 'br'].includes(compress)) throw new Error(`unknown compression: ${compress}`);
  const cache = new Map();
  const dir = resolve(root);
  if (!base.startsWith('/')) base = `/${base}`;
  if (!base.endsWith('/')) base = `${base}/`;
  // Large headers allowed: the hostile-input suite sends 10 KB query values on purpose.
  const server = createServer({ maxHeaderSize: 256 * 1024 }, async (req, res) => {
    try {
      const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
      if (extra[path]) {
        const [type, body] = extra[path];
        res.writeHead(200, { 'content-type': type, 'cache-control': 'no-store' });
        res.end(body);
        return;
      }
      if (!path.startsWith(base)) {
        res.writeHead(path === '/' ? 302 : 404, path === '/' ? { location: base } : {});
        res.end();
        return;
      }
      let file = normalize(join(dir, path.slice(base.length)));
      if (file !== dir && !file.startsWith(dir + sep)) throw Object.assign(new Error('outside'), { code: 'ENOENT' });
      if ((await stat(file).catch(() => null))?.isDirectory()) file = join(file, 'index.html');
      let body = await readFile(file);
      const hashed = /-[0-9a-f]{16}[._]/.test(file);
      const headers = {
        'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
        'cache-control': hashed ? 'public, max-age=31536000, immutable' : 'no-cache',
        'x-content-type-options': 'nosniff',
      };
      if (compress && COMPRESSIBLE.has(extname(file))) {
        headers.vary = 'Accept-Encoding';
        const encoding = pickEncoding(compress, req.headers['accept-encoding']);
        if (encoding) {
          // Compressed once per file content and encoding, as a host's precompressed files are.
          const key = `${encoding}:${file}:${body.length}`;
          if (!cache.has(key)) cache.set(key, encode(body, encoding));
          body = cache.get(key);
          headers['content-encoding'] = encoding;
        }
      }
      headers['content-length'] = body.length;
      res.writeHead(200, headers);
      res.end(req.method === 'HEAD' ? undefined : body);
    } catch (e) {
      res.writeHead(e.code === 'ENOENT' ? 404 : 500, { 'content-type': 'text/plain' });
      res.end(e.code === 'ENOENT' ? 'not found' : 'error');
    }
  });
  await new Promise((ok) => server.listen(port, '127.0.0.1', ok));
  const origin = `http://127.0.0.1:${server.address().port}`;
  return { server, origin, url: origin + base, close: () => new Promise((ok) => server.close(ok)) };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const arg = (name, dflt) => {
    const i = process.argv.indexOf(`--${name}`);
    return i > 0 ? process.argv[i + 1] : dflt;
  };
  const compress = arg('compress', null);
  const s = await serve({ root: arg('root', 'dist'), port: Number(arg('port', 8080)), base: arg('base', '/'), compress });
  console.log(`serving ${arg('root', 'dist')} at ${s.url}${compress ? ` (${compress})` : ''}`);
}
