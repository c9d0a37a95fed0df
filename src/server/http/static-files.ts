// Serves the built PWA from config.staticDir. Hashed files under /assets/ are cached forever; everything else
// (index.html, sw.js, the manifest) is revalidated on every load so an update is seen. Any other GET that is
// not a file gets index.html: the client router owns those paths. Without a build, a 503 says what to run.
// The build is held in memory (static-build.ts): a request for a file costs no disk access and no
// compression, so static files keep answering while the database is busy (docs/architecture.md §5).
import { posix } from 'node:path';
import type { Context, MiddlewareHandler } from 'hono';
import { BuildInMemory, type BuiltFile } from './static-build';

const notBuiltPage =
  '<!doctype html><meta charset="utf-8"><title>Training Logbook</title>' +
  '<p>The app has not been built yet. Run <code>npm run build</code> (or <code>npm start</code>) and reload.</p>' +
  '<p>Ứng dụng chưa được build. Hãy chạy <code>npm run build</code> (hoặc <code>npm start</code>) rồi tải lại trang.</p>';

export function serveStaticApp(staticDir: string): MiddlewareHandler {
  const build = new BuildInMemory(staticDir);
  // Read and compressed at start, not while the first visitor's page waits (about 200 ms).
  void build.current();
  return async (c, next) => {
    if (
      (c.req.method !== 'GET' && c.req.method !== 'HEAD') ||
      c.req.path === '/api' ||
      c.req.path.startsWith('/api/')
    ) {
      return next();
    }
    const files = await build.current();
    const indexFile = files.get('/index.html');
    if (!indexFile) return c.html(notBuiltPage, 503, { 'Cache-Control': 'no-store' });

    const key = fileKey(c.req.path);
    const file = key === undefined ? undefined : files.get(key);
    if (file) return sendFile(c, file);
    if (c.req.path.startsWith('/assets/')) return c.text('Not found', 404);
    return sendFile(c, indexFile);
  };
}

/** The build's key for a URL path (`/assets/x.js`), or undefined when the path is malformed. */
function fileKey(urlPath: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return undefined;
  }
  if (decoded.includes('\0')) return undefined;
  // Only files read from the build directory are in the map: `..` cannot name anything outside it.
  return posix.normalize(`/${decoded.replace(/\\/g, '/')}`);
}

/** gzip when the client takes it (as the compress middleware would choose), else the bytes as built. */
function acceptsGzip(header: string | undefined): boolean {
  if (!header) return false;
  let wildcard = 0;
  for (const part of header.split(',')) {
    const [name = '', ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const weight = q ? Number(q.slice(2)) : 1;
    if (name === 'gzip') return weight > 0;
    if (name === '*') wildcard = weight;
  }
  return wildcard > 0;
}

function sendFile(c: Context, file: BuiltFile): Response {
  if (c.req.header('If-None-Match') === file.etag) return c.body(null, 304, file.headers);
  if (c.req.method === 'HEAD')
    return c.body(null, 200, { ...file.headers, 'Content-Length': String(file.body.byteLength) });
  if (file.gzipped && acceptsGzip(c.req.header('Accept-Encoding'))) {
    return c.body(file.gzipped, 200, {
      ...file.headers,
      'Content-Encoding': 'gzip',
      'Content-Length': String(file.gzipped.byteLength),
    });
  }
  return c.body(file.body, 200, { ...file.headers, 'Content-Length': String(file.body.byteLength) });
}
