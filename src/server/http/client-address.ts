// The address a request came from: the socket's peer, or — behind TRUST_PROXY reverse proxies — the
// address the nearest trusted proxy saw, read from the right of X-Forwarded-For. Entries further left are
// written by the client itself and could be anything, so they are never trusted.
import type { Context } from 'hono';

export function clientAddress(c: Context, trustedProxies: number): string {
  const peer = socketAddress(c);
  if (trustedProxies <= 0) return peer;
  const forwarded = (c.req.header('X-Forwarded-For') ?? '')
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean);
  const chain = [...forwarded, peer];
  return chain[Math.max(0, chain.length - 1 - trustedProxies)] ?? peer;
}

function socketAddress(c: Context): string {
  const env = c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined;
  return env?.incoming?.socket?.remoteAddress ?? 'unknown';
}
