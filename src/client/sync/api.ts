// The one place the client talks HTTP to its server. Every mutating request carries the CSRF header;
// every failure becomes an ApiRequestError (the server answered with an error code) or a NetworkError
// (no answer at all: offline, timeout, server down), so callers can tell "fix this" from "try later".
import type { z } from 'zod';
import { errorBodySchema, type ApiError } from '../../domain/schemas/error';

export const CSRF_HEADER = { 'X-Requested-With': 'training-logbook' } as const;

export class ApiRequestError extends Error {
  readonly status: number;
  readonly code: string;
  readonly fields: ApiError['fields'];
  constructor(status: number, error: ApiError) {
    super(error.message);
    this.name = 'ApiRequestError';
    this.status = status;
    this.code = error.code;
    this.fields = error.fields;
  }
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
}

export async function apiFetch<T = unknown>(path: string, options: ApiOptions<T> = {}): Promise<T> {
  const method = options.method ?? (options.body === undefined && options.rawBody === undefined ? 'GET' : 'POST');
  const headers: Record<string, string> = { Accept: 'application/json', ...options.headers };
  if (method !== 'GET') Object.assign(headers, CSRF_HEADER);
  let body: BodyInit | undefined;
  if (options.rawBody !== undefined) {
    body = options.rawBody as BodyInit;
    headers['Content-Type'] = options.contentType ?? 'application/octet-stream';
  } else if (options.body !== undefined) {
    body = JSON.stringify(options.body);
    headers['Content-Type'] = 'application/json';
  }

  let response: Response;
  try {
    response = await fetch(path, { method, headers, body, credentials: 'same-origin', signal: options.signal });
  } catch (cause) {
    throw new NetworkError(cause);
  }
  const text = await response.text().catch(() => '');
  const json = parseJson(text);
  if (!response.ok) {
    const parsed = errorBodySchema.safeParse(json);
    // A proxy or captive portal may answer with HTML: that is "no server", not a refusal of the record.
    if (!parsed.success) throw new NetworkError(new Error(`HTTP ${response.status}`));
    throw new ApiRequestError(response.status, parsed.data.error);
  }
  return options.schema ? options.schema.parse(json) : (json as T);
}

function parseJson(text: string): unknown {
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
