// The built app (dist/) held in memory: every file read once, with its headers, ETag and (for text types of
// 1 KiB or more, as the compress middleware would) a gzipped copy made once. At most every two seconds a
// request first lists the directory again (names, sizes, mtimes: no file is read) and reloads it when
// anything differs, so `npm run build` while the server runs, or a test that edits a file, is seen within
// two seconds. A listing or read that fails midway, or a build half written (no page yet, or files it names
// missing), keeps what was served.
import { readdir, readFile, stat } from 'node:fs/promises';
import { extname, join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { createHash } from 'node:crypto';
import { gzip } from 'node:zlib';
import { COMPRESSIBLE_CONTENT_TYPE_REGEX } from 'hono/compress';
import { contentSecurityPolicy } from './security-headers';

const gzipAsync = promisify(gzip);

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
/** The compress middleware's threshold: smaller bodies go as they are. */
const GZIP_FROM_BYTES = 1024;
export const CHECK_EVERY_MS = 2_000;

export interface BuiltFile {
  body: Uint8Array<ArrayBuffer>;
  gzipped?: Uint8Array<ArrayBuffer>;
  etag: string;
  /** Content-Type, Cache-Control, ETag (and Vary when there is a gzipped copy), made once. */
  headers: Record<string, string>;
}

interface Listed {
  /** The URL path it is served at: `/index.html`, `/assets/index-4f3a2b1c.js`. */
  key: string;
  path: string;
  size: number;
  mtimeMs: number;
}

async function listFiles(root: string, prefix = ''): Promise<Listed[]> {
  const entries = await readdir(join(root, prefix), { withFileTypes: true });
  const lists = await Promise.all(
    entries.map(async (entry): Promise<Listed[]> => {
      const relative = prefix ? `${prefix}/${entry.name}` : entry.name;
      if (entry.isDirectory()) return listFiles(root, relative);
      if (!entry.isFile()) return [];
      const path = join(root, relative);
      const info = await stat(path);
      return [{ key: `/${relative}`, path, size: info.size, mtimeMs: info.mtimeMs }];
    }),
  );
  return lists.flat();
}

const stampOf = (listed: Listed[]) =>
  listed
    .map((f) => `${f.key}\t${f.size}\t${f.mtimeMs}`)
    .sort()
    .join('\n');

async function loadFile(file: Listed): Promise<BuiltFile> {
  const body = new Uint8Array(await readFile(file.path));
  const etag = `W/"${body.byteLength.toString(16)}-${Math.floor(file.mtimeMs).toString(16)}"`;
  const contentType = mimeTypes[extname(file.key).toLowerCase()] ?? 'application/octet-stream';
  const headers: Record<string, string> = {
    'Content-Type': contentType,
    'Cache-Control': file.key.startsWith('/assets/') ? IMMUTABLE : REVALIDATE,
    ETag: etag,
  };
  if (contentType.startsWith('text/html')) {
    const hashes = inlineScriptHashes(new TextDecoder().decode(body));
    if (hashes.length > 0) headers['Content-Security-Policy'] = contentSecurityPolicy(hashes);
  }
  if (body.byteLength < GZIP_FROM_BYTES || !COMPRESSIBLE_CONTENT_TYPE_REGEX.test(contentType))
    return { body, etag, headers };
  const gzipped = new Uint8Array(await gzipAsync(body));
  return { body, gzipped, etag, headers: { ...headers, Vary: 'Accept-Encoding' } };
}

/** The CSP hashes of a page's inline classic scripts (index.html's first-screen.js and start-app.js). */
export function inlineScriptHashes(html: string): string[] {
  return [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map(
    ([, script]) => `sha256-${createHash('sha256').update(script!, 'utf8').digest('base64')}`,
  );
}

/**
 * A build being written lists without its page (emptied first), or with a page naming files not there yet:
 * until the page and every file it names (a path with an extension) are listed, the last whole build stays
 * served (a half-written hashed asset would otherwise be cached by browsers as immutable).
 */
function isWhole(files: Map<string, BuiltFile>): boolean {
  const page = files.get('/index.html');
  if (!page) return false;
  const html = new TextDecoder().decode(page.body);
  for (const [, path] of html.matchAll(/(?:src|href)="(\/[^"?#]+\.\w+)"/g)) if (!files.has(path!)) return false;
  return true;
}

export class BuildInMemory {
  private readonly root: string;
  private files = new Map<string, BuiltFile>();
  private stamp: string | undefined;
  private checkedAt = Number.NEGATIVE_INFINITY;
  private checking: Promise<Map<string, BuiltFile>> | undefined;

  constructor(staticDir: string) {
    this.root = resolve(staticDir);
  }

  /** The files to serve: from memory, after a check of the directory when the last is two seconds old. */
  current(): Promise<Map<string, BuiltFile>> | Map<string, BuiltFile> {
    if (this.checking) return this.checking;
    const age = Date.now() - this.checkedAt;
    if (age >= 0 && age < CHECK_EVERY_MS) return this.files; // a clock set back checks at once
    this.checking = this.check().finally(() => {
      this.checking = undefined;
    });
    return this.checking;
  }

  private async check(): Promise<Map<string, BuiltFile>> {
    try {
      const listed = await listFiles(this.root);
      const stamp = stampOf(listed);
      if (stamp !== this.stamp) {
        const loaded = new Map(
          await Promise.all(listed.map(async (file) => [file.key, await loadFile(file)] as const)),
        );
        if (isWhole(loaded)) {
          this.files = loaded;
          this.stamp = stamp;
        }
      }
    } catch {
      // No build yet, or one being written: serve what there was (nothing before a first build).
    }
    this.checkedAt = Date.now();
    return this.files;
  }
}
