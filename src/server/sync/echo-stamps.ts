// No echo (docs/sync.md §10): which rows a push writes exactly as the pushing device computes them, so its
// later pulls may leave them out. A row is stamped with the client and the push's version (echo_client_id,
// echo_version) when all of these hold:
// - the push is the device's own (not an admin's: one space, one version), names its pull cursor, and merges
//   no people (those write, with the same version, rows the device cannot compute);
// - every mutation of the push that wrote the row is one of `echoMutationNames` writing only its own record,
//   as the args name it (an attendance.put the server redirected to the person kept is not);
// - the device held the row as it was before the push: it did not exist, or its last write is this client's
//   own stamped one (the device rebuilds a chain of its pushes from the same base), or the device's cursor
//   had passed the row's position (version, entity, id) — the row was at that version from then until now
//   (versions only grow), so a pull delivered it there. An organiser's working-set cursor says that only of
//   sessions awaiting review (working-set.ts): those at or below its baseline came in the review phase, once
//   that is over, and those above it in the stream, once the cursor passed them;
// - the record reads back from its columns as the mutator wrote it (nothing is lost in storage).
// A stamp holds only while echo_version equals the row's version: every other writer bumps the version.
import { isDeepStrictEqual } from 'node:util';
import type { MutableEntity, MutationWrite } from '#domain/mutators/transaction';
import type { User } from '#domain/schemas/auth';
import { echoMutationNames, type EchoRun, type MutationResult } from '#domain/schemas/sync';
import type { BatchEntry, ParsedMutation } from './batch-store';
import { isPeopleMutation } from '../people/people-mutations';
import { decodeCursor, type Position } from './pull-cursor';
import { columnsOf, recordOf, type MutableDbRows } from './record-columns';

/** What a push needs to stamp its rows; undefined when it stamps none. */
export interface EchoContext {
  clientId: string;
  /** The device's pull positions per space as it pushed (empty before its first pull). */
  positions: ReadonlyMap<string, Position>;
  /** An organiser's working-set cursor: its baseline, and whether its review phase was over. */
  workingSet?: { baseline: number; reviewed: boolean };
  /** Rows (entity:id) of the current set written by a mutation the device cannot rebuild. */
  tainted: Set<string>;
}

export function echoContext(
  user: User,
  clientId: string,
  cursor: string | null | undefined,
  fresh: readonly { name: string }[],
): EchoContext | undefined {
  if (cursor === undefined || user.role === 'admin') return undefined;
  if (fresh.some((m) => isPeopleMutation(m.name))) return undefined;
  const decoded = cursor === null ? undefined : decodeCursor(cursor);
  const positions = decoded?.positions ?? new Map<string, Position>();
  const ws = decoded?.workingSet;
  const workingSet = ws ? { baseline: ws.baseline, reviewed: ws.review === undefined } : undefined;
  return { clientId, positions, ...(workingSet ? { workingSet } : {}), tainted: new Set() };
}

const keyOf = (entity: MutableEntity, id: string) => `${entity}:${id}`;

/** Marks the rows of an applied mutation the device could not rebuild from its args alone. */
export function noteWrites(echo: EchoContext, mutation: ParsedMutation, writes: readonly MutationWrite[]): void {
  const entity = mutation.name.slice(0, mutation.name.indexOf('.')) as MutableEntity;
  const own = writes.length === 1 && writes[0]!.op === 'put' && writes[0]!.entity === entity;
  const row = own && writes[0]!.op === 'put' ? (writes[0]!.row as { id: string; participantId?: string }) : undefined;
  const args = mutation.args as { id: string; participantId?: string };
  const rebuildable =
    echoMutationNames.has(mutation.name) &&
    row?.id === args.id &&
    (mutation.name !== 'attendance.put' || row.participantId === args.participantId);
  if (rebuildable) return;
  for (const write of writes) echo.tainted.add(keyOf(write.entity, write.op === 'put' ? write.row.id : write.id));
}

/** Whether the row being flushed is stamped for the pushing client. */
export function isEchoed(echo: EchoContext | undefined, entry: BatchEntry): boolean {
  if (!echo || entry.deleted || echo.tainted.has(keyOf(entry.entity, entry.row.id))) return false;
  const prior = entry.prior;
  const held =
    prior === undefined ||
    (prior.echoClientId === echo.clientId && prior.echoVersion === prior.version) ||
    delivered(echo, entry, prior);
  return held && readsBack(entry);
}

/** Whether a pull with the device's cursor had delivered the row at its prior version. */
function delivered(echo: EchoContext, entry: BatchEntry, prior: NonNullable<BatchEntry['prior']>): boolean {
  const position = echo.positions.get(entry.spaceId);
  const { workingSet } = echo;
  // A working set's positions do not mean "every row up to here was delivered": only sessions awaiting review.
  if (!workingSet) return passed(position, prior.version, entry.entity, entry.row.id);
  if (entry.entity !== 'session' || !prior.awaitingReview || !workingSet.reviewed) return false;
  return prior.version <= workingSet.baseline || passed(position, prior.version, entry.entity, entry.row.id);
}

/** Whether a cursor position is at or after (version, entity, id) in the pull's (version, entity, id) order. */
export function passed(position: Position | undefined, version: number, entity: string, id: string): boolean {
  if (!position) return false;
  const [at, atEntity, atId] = position;
  if (version !== at || atEntity === undefined) return version <= at;
  return entity < atEntity || (entity === atEntity && id <= atId!);
}

function readsBack(entry: BatchEntry): boolean {
  const columns = (columnsOf[entry.entity] as (row: BatchEntry['row']) => Record<string, unknown>)(entry.row);
  const back = (recordOf[entry.entity] as (row: MutableDbRows[MutableEntity]) => unknown)(columns as never);
  return isDeepStrictEqual(sortKeys(back), sortKeys(entry.row));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === 'object' && !(value instanceof Date))
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((key) => [key, sortKeys((value as Record<string, unknown>)[key])]),
    );
  return value;
}

/** The push answer's `echoes`: runs of consecutive applied ids with the same time and version. */
export function echoRuns(results: readonly (MutationResult & { at?: Date; version?: number | null })[]): EchoRun[] {
  const runs: EchoRun[] = [];
  const sorted = [...results].sort((a, b) => a.id - b.id);
  for (const r of sorted) {
    if (r.status !== 'applied' || r.version == null || !r.at) continue;
    const at = r.at.toISOString();
    const last = runs[runs.length - 1];
    if (last && last.to === r.id - 1 && last.at === at && last.version === r.version) last.to = r.id;
    else runs.push({ from: r.id, to: r.id, at, version: r.version });
  }
  return runs;
}
