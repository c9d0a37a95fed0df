// bytea on PGlite without hex in JavaScript. PGlite's default bytea serializer turns every byte of a parameter
// into a two-character string and its parser reads the hex text back one parseInt at a time, on the main
// thread: a 250 KB photo upload cost tens of milliseconds of JS in which no other request was answered
// (docs/architecture.md §5, the sync burst). PGlite's bind writes any ArrayBuffer view it is given as a
// binary parameter (format 1, the raw bytes), so the serializer hands the bytes over as they are; results
// still arrive as text (`\x…`), which Node's native hex decoder turns into a Buffer, as node-postgres gives.
import { types, type PGliteOptions } from '@electric-sql/pglite';

/** The bytes themselves: PGlite's bind sends an ArrayBuffer view as a binary parameter, never as text. */
function bytesAsBinaryParameter(value: unknown): string {
  if (!(value instanceof Uint8Array)) throw new TypeError('A bytea parameter must be a Uint8Array or a Buffer');
  // The declared return type is PGlite's (a text serializer); its bind checks ArrayBuffer.isView first.
  return value as unknown as string;
}

/** `\x0aff…` (bytea_output = hex, PostgreSQL's default) to a Buffer, decoded natively. */
function hexToBuffer(text: string): Buffer {
  if (!text.startsWith('\\x')) throw new Error('bytea result not in hex output format');
  return Buffer.from(text.slice(2), 'hex');
}

/** The options to give `new PGlite(…)` wherever the server opens one that reads or writes photos. */
export const pgliteByteaOptions = {
  serializers: { [types.BYTEA]: bytesAsBinaryParameter },
  parsers: { [types.BYTEA]: hexToBuffer },
} satisfies Pick<PGliteOptions, 'serializers' | 'parsers'>;
