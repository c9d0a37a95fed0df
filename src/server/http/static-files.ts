// Serves the built PWA from config.staticDir. Hashed files under /assets/ are cached forever; everything else
// (index.html, sw.js, the manifest) is revalidated on every load so an update is seen. Any other GET that is
// not a file gets index.html: the client router owns those paths. Without a build, a 503 says what to run.
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import type { Context, MiddlewareHandler } from 'hono';

const mimeTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
};

const IMMUTABLE = 'public, max-age=31536000, immutable';
const REVALIDATE = 'no-cache';

const notBuiltPage =
  '<!doctype html><meta charset="utf-8"><title>Training Logbook</title>' +
  '<p>The app has not been built yet. Run <code>npm run build</code> (or <code>npm start</code>) and reload.</p>' +
  '<p>Ứng dụng chưa được build. Hãy chạy <code>npm run build</code> (hoặc <code>npm start</code>) rồi tải lại trang.</p>';

export function serveStaticApp(staticDir: string): MiddlewareHandler {
  const root = normalize(staticDir.endsWith(sep) ? staticDir : staticDir + sep);
  return async (c, next) => {
    if ((c.req.method !== 'GET' && c.req.method !== 'HEAD') || c.req.path === '/api' || c.req.path.startsWith('/api/')) {
      return next();
    }
    const indexFile = await fileAt(join(root, 'index.html'));
    if (!indexFile) return c.html(notBuiltPage, 503, { 'Cache-Control': 'no-store' });

    const requested = resolveInside(root, c.req.path);
    const file = requested ? await fileAt(requested) : undefined;
    if (file && requested) {
      const immutable = c.req.path.startsWith('/assets/');
      return sendFile(c, requested, file, immutable ? IMMUTABLE : REVALIDATE);
    }
    if (c.req.path.startsWith('/assets/')) return c.text('Not found', 404);
    return sendFile(c, join(root, 'index.html'), indexFile, REVALIDATE);
  };
}

interface FileInfo {
  size: number;
  mtimeMs: number;
}

async function fileAt(path: string): Promise<FileInfo | undefined> {
  try {
    const info = await stat(path);
    return info.isFile() ? { size: info.size, mtimeMs: info.mtimeMs } : undefined;
  } catch {
    return undefined;
  }
}

/** The file a URL path names, or undefined when the path is malformed or escapes the root. */
function resolveInside(root: string, urlPath: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return undefined;
  }
  if (decoded.includes('\0')) return undefined;
  const path = normalize(join(root, decoded));
  return path.startsWith(root) && path !== root ? path : undefined;
}

async function sendFile(c: Context, path: string, file: FileInfo, cacheControl: string): Promise<Response> {
  const etag = `W/"${file.size.toString(16)}-${Math.floor(file.mtimeMs).toString(16)}"`;
  const headers: Record<string, string> = {
    'Content-Type': mimeTypes[extname(path).toLowerCase()] ?? 'application/octet-stream',
    'Cache-Control': cacheControl,
    ETag: etag,
  };
  if (c.req.header('If-None-Match') === etag) return c.body(null, 304, headers);
  if (c.req.method === 'HEAD') return c.body(null, 200, { ...headers, 'Content-Length': String(file.size) });
  return c.body(new Uint8Array(await readFile(path)), 200, headers);
}
