// Reads a JSON request body: accepts `Content-Encoding: gzip` (clients on 2G compress pushes), caps both the
// compressed and the decompressed size at 2 MB, and validates with a domain zod schema.
import { gunzipSync } from 'node:zlib';
import type { Context } from 'hono';
import type { z } from 'zod';
import { fieldErrorsFrom } from '#domain/schemas/error';
import { MAX_BODY_BYTES } from '#domain/schemas/sync';
import { HttpError } from './errors';

export async function readJson<S extends z.ZodType>(c: Context, schema: S): Promise<z.output<S>> {
  const text = await readBodyText(c);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new HttpError(400, 'invalid_json', 'The request body is not valid JSON');
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new HttpError(400, 'invalid', 'The request is not valid', fieldErrorsFrom(parsed.error));
  return parsed.data;
}

async function readBodyText(c: Context): Promise<string> {
  const raw = new Uint8Array(await c.req.arrayBuffer());
  if (raw.byteLength > MAX_BODY_BYTES) throw tooLarge();
  const encoding = (c.req.header('Content-Encoding') ?? 'identity').trim().toLowerCase();
  if (encoding === 'identity') return new TextDecoder().decode(raw);
  if (encoding !== 'gzip') throw new HttpError(400, 'invalid', `Unsupported Content-Encoding: ${encoding}`);
  try {
    return new TextDecoder().decode(gunzipSync(raw, { maxOutputLength: MAX_BODY_BYTES }));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') throw tooLarge();
    throw new HttpError(400, 'invalid_json', 'The request body is not valid gzip');
  }
}

function tooLarge(): HttpError {
  return new HttpError(413, 'too_large', `The request body is larger than ${MAX_BODY_BYTES} bytes`);
}
