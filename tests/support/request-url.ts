// The address a fetch stub was called with, whichever form the caller passed (string, URL or Request).
export function requestUrl(input: unknown): string {
  if (typeof input === 'string') return input;
  if (input instanceof URL) return input.href;
  if (input instanceof Request) return input.url;
  throw new Error(`fetch was called with ${typeof input}`);
}
