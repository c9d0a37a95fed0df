import { afterEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
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
  vi.restoreAllMocks();
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

  describe('an answer in tasks', () => {
    const schema = z.object({ rows: z.array(z.object({ id: z.string(), title: z.string() })) });

    /**
     * What happens in which task, for an answer of `rows` rows: the task that received the body, the parse and the
     * validation each mark the log and queue a marker for the next task.
     */
    async function order(rows: number): Promise<string[]> {
      const log: string[] = [];
      const nextTask = (label: string) => setTimeout(() => log.push(`task after ${label}`), 0);
      const body = JSON.stringify({
        rows: Array.from({ length: rows }, (_, i) => ({ id: `s-${i}`, title: 'Tập huấn' })),
      });
      vi.stubGlobal('fetch', async () => ({
        ok: true,
        status: 200,
        headers: new Headers(),
        text: async () => {
          nextTask('the body');
          return body;
        },
      }));
      const parseJson = JSON.parse;
      vi.spyOn(JSON, 'parse').mockImplementation((text: string) => {
        log.push('parse');
        nextTask('the parse');
        return parseJson(text) as unknown;
      });
      const validate = schema.parse.bind(schema);
      vi.spyOn(schema, 'parse').mockImplementation((value: unknown) => {
        log.push('validate');
        return validate(value);
      });
      const answer = await apiFetch('/api/sync/pull', { method: 'POST', body: {}, schema });
      expect(answer.rows).toHaveLength(rows);
      await new Promise((resolve) => setTimeout(resolve, 0));
      return log;
    }

    it('parses and validates a large answer (a pull page) each in a task of its own', async () => {
      expect(await order(2000)).toEqual(['task after the body', 'parse', 'task after the parse', 'validate']);
    });

    it('handles a small answer in the task that received it', async () => {
      expect(await order(3)).toEqual(['parse', 'validate', 'task after the body', 'task after the parse']);
    });
  });
});
