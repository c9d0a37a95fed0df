// The pull cursor: opaque to clients, base64url of JSON
//   { f: 1, h: <scope fingerprint>, p: { <spaceId>: [version] | [version, entity, id] } }
// Every space has its own version counter (docs/sync.md), and an admin reads several spaces, so the cursor
// keeps one position per space rather than one number:
// - [v, e, i]: every row of that space up to (v, e, i) in (version, entity, id) order has been delivered;
//   a page may end inside a version, since one push writes many rows with the same version.
// - [v]: every row of that space with version ≤ v has been delivered (set when a pull reaches the end).
// A space missing from the cursor has delivered nothing. Versions in a space only grow and a version is
// complete once its counter value is visible, so a row is never behind a position it has not passed.
// An organiser's working-set cursor (working-set.ts) adds `w: { b: <baseline version>, k?: <review step: s, a or
// p>, r?: <the last id that step delivered, '' before the first> }`; `k` and `r` go once the review phase is over.
// Decoding refuses anything malformed (the caller answers `reset` with a fresh snapshot).
import { z } from 'zod';
import { idSchema } from '#domain/schemas/common';
import { syncEntitySchema, type SyncEntity } from '#domain/schemas/sync';
import type { ReviewPosition, ReviewStep } from './working-set';

const CURSOR_FORMAT = 1;

export type Position = readonly [version: number] | readonly [version: number, entity: SyncEntity, id: string];

/** `baseline`: the space's counter when the working set's first page was read; `review`: see the header. */
export interface WorkingSetPosition {
  baseline: number;
  review?: ReviewPosition;
}

const stepCodes = { sessions: 's', attendance: 'a', people: 'p' } as const satisfies Record<ReviewStep, string>;
const stepOf = { s: 'sessions', a: 'attendance', p: 'people' } as const satisfies Record<string, ReviewStep>;

export interface PullCursor {
  fingerprint: string;
  positions: Map<string, Position>;
  workingSet?: WorkingSetPosition;
}

const versionSchema = z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER);
const positionSchema = z.union([
  z.tuple([versionSchema]),
  z.tuple([versionSchema, syncEntitySchema, idSchema.transform((id) => id.toLowerCase())]),
]);
const cursorSchema = z
  .object({
    f: z.literal(CURSOR_FORMAT),
    h: z.string().min(1).max(64),
    p: z.record(idSchema, positionSchema),
    w: z
      .object({
        b: versionSchema,
        k: z.enum(['s', 'a', 'p']).optional(),
        r: z.union([z.literal(''), idSchema]).optional(),
      })
      .strict()
      .optional(),
  })
  .strict();

export function encodeCursor(cursor: PullCursor): string {
  const p = Object.fromEntries([...cursor.positions].sort(([a], [b]) => (a < b ? -1 : 1)));
  const ws = cursor.workingSet;
  const w = ws ? { b: ws.baseline, k: ws.review && stepCodes[ws.review.step], r: ws.review?.after } : undefined;
  return Buffer.from(JSON.stringify({ f: CURSOR_FORMAT, h: cursor.fingerprint, p, w }), 'utf8').toString('base64url');
}

/** The cursor, or undefined when it is not one this server wrote. */
export function decodeCursor(text: string): PullCursor | undefined {
  if (!/^[A-Za-z0-9_-]+$/.test(text)) return undefined;
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
  } catch {
    return undefined;
  }
  const parsed = cursorSchema.safeParse(json);
  if (!parsed.success) return undefined;
  const positions = new Map<string, Position>();
  for (const [spaceId, position] of Object.entries(parsed.data.p)) positions.set(spaceId.toLowerCase(), position);
  const { w } = parsed.data;
  const review = w?.k === undefined ? undefined : { step: stepOf[w.k], after: (w.r ?? '').toLowerCase() };
  const workingSet = w ? { baseline: w.b, ...(review ? { review } : {}) } : undefined;
  return { fingerprint: parsed.data.h, positions, ...(workingSet ? { workingSet } : {}) };
}
