import { afterEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_TIMEOUT_MS, NetworkError, apiFetch } from '#client/sync/api.ts';

/** A fetch that never answers (a captive portal, a dead 2G cell), keeping the signal it was given. */
function hangingFetch() {
  const seen: { signal?: AbortSignal | null } = {};
  vi.stubGlobal('fetch', (_input: RequestInfo | URL, init?: RequestInit) => {
    seen.signal = init?.signal;
    return new Promise<Response>(() => undefined);
  });
  return seen;
}

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('apiFetch', () => {
  it('gives up on a request that never answers after a minute, as a network error, and aborts it', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const seen = hangingFetch();
    const outcome = apiFetch('/api/sync/pull', { method: 'POST', body: {} }).catch((error: unknown) => error);

    await vi.advanceTimersByTimeAsync(DEFAULT_TIMEOUT_MS - 1);
    expect(seen.signal?.aborted).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(await outcome).toBeInstanceOf(NetworkError);
    expect(seen.signal?.aborted).toBe(true);
  });

  it('takes a shorter or longer deadline when asked', async () => {
    hangingFetch();
    await expect(
      apiFetch('/api/photos/x', { method: 'PUT', rawBody: new Uint8Array([1]), timeoutMs: 20 }),
    ).rejects.toBeInstanceOf(NetworkError);
  });

  it('gives up on an answer whose body never finishes arriving', async () => {
    const endless = new ReadableStream<Uint8Array>({ start: () => undefined });
    vi.stubGlobal('fetch', async () => new Response(endless, { status: 200 }));
    await expect(apiFetch('/api/auth/me', { timeoutMs: 20 })).rejects.toBeInstanceOf(NetworkError);
  });

  it('still stops when the caller aborts first', async () => {
    const seen = hangingFetch();
    const caller = new AbortController();
    const outcome = apiFetch('/api/auth/logout', { method: 'POST', signal: caller.signal }).catch(
      (error: unknown) => error,
    );
    caller.abort();
    expect(await outcome).toBeInstanceOf(NetworkError);
    expect(seen.signal?.aborted).toBe(true);
  });

  it('leaves no timer behind once answered', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    vi.stubGlobal('fetch', async () => new Response('{"status":"ok"}', { status: 200 }));
    expect(await apiFetch('/api/health')).toEqual({ status: 'ok' });
    expect(vi.getTimerCount()).toBe(0);
  });
});
