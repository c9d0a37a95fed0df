// Security headers on every response (docs/api.md §2): a CSP with no inline script but the page's own
// (allowed by their hashes), no framing, no sniffing.
import type { MiddlewareHandler } from 'hono';

/** The CSP; `scriptHashes` ('sha256-…') allow the inline scripts of the page it is sent with. */
export const contentSecurityPolicy = (scriptHashes: readonly string[] = []) =>
  [
    "default-src 'self'",
    ['script-src', "'self'", ...scriptHashes.map((hash) => `'${hash}'`)].join(' '),
    // React style attributes are inline styles, not scripts.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' blob: data:",
    "connect-src 'self'",
    "worker-src 'self'",
    "manifest-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');

const withoutInlineScripts = contentSecurityPolicy();

export const securityHeaders: MiddlewareHandler = async (c, next) => {
  await next();
  // A page with inline scripts comes with its own (static-build.ts).
  if (!c.res.headers.has('Content-Security-Policy')) c.header('Content-Security-Policy', withoutInlineScripts);
  c.header('X-Content-Type-Options', 'nosniff');
  c.header('Referrer-Policy', 'same-origin');
  c.header('X-Frame-Options', 'DENY');
  c.header('Cross-Origin-Opener-Policy', 'same-origin');
};
