// The one place the client talks HTTP to its server. Every mutating request carries the CSRF header;
// every failure becomes an ApiRequestError (the server answered with an error code) or a NetworkError
// (no answer at all: offline, timeout, server down), so callers can tell "fix this" from "try later".
// A 503 `unavailable` (the server's database is away) is an answer that means "try later" too: it carries
// the server's Retry-After, which the scheduler waits at least, and nothing treats it as a refusal.
// Every request has a deadline: a hung request (2G, a captive portal) would otherwise hold the sync run
// and its Web Lock forever; timing out makes it a NetworkError, and the scheduler's backoff takes over.
import type { z } from 'zod';
import { csrfHeaders } from '#domain/schemas/csrf';
import { errorBodySchema, type ApiError } from '#domain/schemas/error';
import { nextTask } from '../next-task';

export class ApiRequestError extends Error {
  readonly status: number;
  readonly code: string;
  readonly fields: ApiError['fields'];
  /** From a 429's or 503's Retry-After header: how long the server asks us to wait. */
  readonly retryAfterMs: number | undefined;
  constructor(status: number, error: ApiError, retryAfterMs?: number) {
    super(error.message);
    this.name = 'ApiRequestError';
    this.status = status;
    this.code = error.code;
    this.fields = error.fields;
    this.retryAfterMs = retryAfterMs;
  }
}

/** Retry-After in seconds (the only form this server sends; an HTTP date is ignored). */
function retryAfterMs(response: Response): number | undefined {
  const seconds = Number(response.headers.get('Retry-After') ?? '');
  return Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : undefined;
}

export class NetworkError extends Error {
  constructor(cause: unknown) {
    super('network_error', { cause });
    this.name = 'NetworkError';
  }
}

export interface ApiOptions<T> {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** A JSON value to send, or raw bytes (sent as they are, with `contentType`). */
  body?: unknown;
  rawBody?: Blob | ArrayBuffer | Uint8Array;
  contentType?: string;
  headers?: Record<string, string>;
  schema?: z.ZodType<T>;
  signal?: AbortSignal;
  /** Gives up after this long (the whole exchange, body included): DEFAULT_TIMEOUT_MS unless given. */
  timeoutMs?: number;
}

export const DEFAULT_TIMEOUT_MS = 60_000;
/**
 * An answer this long (a pull page: 1,500 rows are about 1 MB) is decoded, parsed and validated in three tasks,
 * not one: together they held the main thread about 200 ms on a phone-class CPU (bench/organiser-sync.ts).
 */
const LARGE_ANSWER_CHARS = 64 * 1024;
/** The slowest link we plan for (about 16 kbit/s, a poor 2G cell), for deadlines that grow with the bytes. */
const SLOWEST_BYTES_PER_MS = 2;

/** A deadline for sending `bytes`: the default, plus the time they take on the slowest link. */
export function timeoutForUpload(bytes: number): number {
  return DEFAULT_TIMEOUT_MS + Math.ceil(bytes / SLOWEST_BYTES_PER_MS);
}

export async function apiFetch<T = unknown>(path: string, options: ApiOptions<T> = {}): Promise<T> {
  const method = options.method ?? (options.body === undefined && options.rawBody === undefined ? 'GET' : 'POST');
  const headers: Record<string, string> = { Accept: 'application/json', ...options.headers };
  if (method !== 'GET') Object.assign(headers, csrfHeaders);
  let body: BodyInit | undefined;
  if (options.rawBody !== undefined) {
    body = options.rawBody as BodyInit;
    headers['Content-Type'] = options.contentType ?? 'application/octet-stream';
  } else if (options.body !== undefined) {
    body = JSON.stringify(options.body);
    headers['Content-Type'] = 'application/json';
  }

  const deadline = withDeadline(options.signal, options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
  let response: Response;
  let text: string;
  try {
    response = await deadline.race(
      fetch(path, { method, headers, body, credentials: 'same-origin', signal: deadline.signal }),
    );
    text = await deadline.race(response.text());
  } catch (cause) {
    throw new NetworkError(cause);
  } finally {
    deadline.dispose();
  }
  const large = text.length > LARGE_ANSWER_CHARS;
  if (large) await nextTask();
  const json = parseJson(text);
  if (!response.ok) {
    const parsed = errorBodySchema.safeParse(json);
    // A proxy or captive portal may answer with HTML: that is "no server", not a refusal of the record.
    if (!parsed.success) throw new NetworkError(new Error(`HTTP ${response.status}`));
    throw new ApiRequestError(response.status, parsed.data.error, retryAfterMs(response));
  }
  if (!options.schema) return json as T;
  if (large) await nextTask();
  return options.schema.parse(json);
}

interface Deadline {
  signal: AbortSignal;
  /** Settles with `promise`, or rejects once the signal aborts (even if `promise` never settles). */
  race: <T>(promise: Promise<T>) => Promise<T>;
  dispose: () => void;
}

/** The caller's signal combined with a timeout (a timer we clear, so nothing lingers after the answer). */
function withDeadline(callerSignal: AbortSignal | undefined, timeoutMs: number): Deadline {
  const timeout = new AbortController();
  const timer = setTimeout(() => timeout.abort(new DOMException('The request timed out', 'TimeoutError')), timeoutMs);
  const signal = callerSignal ? anySignal([callerSignal, timeout.signal]) : timeout.signal;
  const aborted = new Promise<never>((_, reject) => {
    const fail = () =>
      reject(signal.reason instanceof Error ? signal.reason : new DOMException('Aborted', 'AbortError'));
    if (signal.aborted) fail();
    else signal.addEventListener('abort', fail, { once: true });
  });
  aborted.catch(() => undefined);
  return {
    signal,
    race: (promise) => Promise.race([promise, aborted]),
    dispose: () => clearTimeout(timer),
  };
}

function anySignal(signals: AbortSignal[]): AbortSignal {
  if (typeof AbortSignal.any === 'function') return AbortSignal.any(signals);
  const controller = new AbortController();
  for (const signal of signals) {
    if (signal.aborted) {
      controller.abort(signal.reason);
      break;
    }
    signal.addEventListener('abort', () => controller.abort(signal.reason), { once: true });
  }
  return controller.signal;
}

function parseJson(text: string): unknown {
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
