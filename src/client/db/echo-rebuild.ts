// No echo (docs/sync.md §10): the server leaves out of a pull the rows this device's own pushes wrote exactly as
// the device computed them, and the device rebuilds them instead. Each push answer says when (`at`) and at which
// version the server applied the mutations; a record's server row is then its base with its acknowledged
// entries run again through the same shared mutators with the server's time — the server ran them with the
// same args, the same writer and the same base (src/server/sync/echo-stamps.ts proves the last) — stamped with
// the version, createdAt and updatedAt the server gave it. The still-unsent entries go on top as for any pull.
// The device asks for that (`echoes: "omit"`) only when it can keep its side: every entry the pull may
// acknowledge knows its push's time and version, none is still waiting for its answer, and no reset is under
// way. Should a rebuild fail all the same (the rule refuses locally what the server applied), the page is not
// applied and the pull asks the same page again with every row in full (src/client/sync/pull.ts).
import { parseMutationArgs, runMutation } from '#domain/mutators/registry';
import type { MutationContext } from '#domain/mutators/transaction';
import { echoMutationNames, type PullResponse, type PushResponse } from '#domain/schemas/sync';
import type { LogbookDb } from './database';
import { deviceUser, localReader } from './dexie-mutation-store';
import { entityTable } from './entities';
import type { OutboxEntry } from './local-rows';
import { getMeta } from './meta';
import { recordKey, toLocalRow } from './record-state';

/** A page whose left-out rows this device cannot rebuild: the caller pulls it again in full. */
export class EchoRebuildError extends Error {
  constructor(what: string) {
    super(`Cannot rebuild ${what} from the outbox`);
    this.name = 'EchoRebuildError';
  }
}

/** Keeps each applied entry's server time and version from a push answer (and forgets stale ones). */
export async function recordEchoes(db: LogbookDb, response: PushResponse): Promise<void> {
  const echoOf = new Map<number, { at: string; version: number }>();
  for (const run of response.echoes ?? [])
    for (let id = run.from; id <= run.to; id += 1) echoOf.set(id, { at: run.at, version: run.version });
  const applied = response.results.filter((r) => r.status === 'applied').map((r) => r.id);
  await db.transaction('rw', db.outbox, async () => {
    const entries = await db.outbox.bulkGet(applied);
    const updated = entries.flatMap((entry) => {
      if (!entry || entry.status !== 'applied') return [];
      const { echo: _stale, ...rest } = entry;
      const echo = echoOf.get(entry.id);
      return [echo ? { ...rest, echo } : rest];
    });
    await db.outbox.bulkPut(updated);
  });
}

/** Whether the next pull page may leave out this device's own writes. */
export async function mayOmitEchoes(db: LogbookDb): Promise<boolean> {
  if ((await getMeta(db, 'cursor')) === null || (await getMeta(db, 'resetInProgress'))) return false;
  const entries = await db.outbox.where('status').anyOf('sent', 'applied').toArray();
  return entries.every((e) => e.status === 'applied' && e.echo !== undefined);
}

/**
 * Rebuilds, inside applyPull's transaction, the records of the acknowledged entries the page left out: their
 * local row becomes the server's row (and their base, when unsent entries remain). Records the page brings in
 * full, and those an entry changed in a way only the server knows (a delete, a merge), are left to the page.
 * Returns the keys of the records rebuilt, whose remaining entries the caller applies again.
 */
export async function rebuildEchoes(
  db: LogbookDb,
  response: PullResponse,
  acknowledged: readonly OutboxEntry[],
  remaining: readonly OutboxEntry[],
): Promise<Set<string>> {
  const rebuilt = new Set<string>();
  if (response.echoes !== 'omitted') return rebuilt;
  const inPage = new Set(response.changes.map((c) => recordKey(c.entity, c.id)));
  const byRecord = new Map<string, OutboxEntry[]>();
  for (const entry of acknowledged) {
    const key = recordKey(entry.entity, entry.entityId);
    byRecord.set(key, [...(byRecord.get(key) ?? []), entry]);
  }
  const stillQueued = new Set(remaining.map((e) => recordKey(e.entity, e.entityId)));
  const user = await deviceUser(db);
  for (const [key, entries] of byRecord) {
    if (inPage.has(key) || entries.some((e) => !echoMutationNames.has(e.name))) continue;
    const { entity, entityId: id } = entries[0]!;
    const base = await db.bases.get([entity, id]);
    if (!base) throw new EchoRebuildError(key);
    const table = entityTable(db, entity);
    let row: Record<string, unknown> | null = base.row;
    if (row) await table.put(toLocalRow(entity, row));
    else await table.delete(id);
    for (const entry of entries) {
      if (!entry.echo) throw new EchoRebuildError(key);
      const ctx: MutationContext = { user, now: entry.echo.at, clientAt: entry.clientAt };
      let writes;
      try {
        writes = await runMutation(localReader(db), ctx, entry.name, parseMutationArgs(entry.name, entry.args));
      } catch {
        throw new EchoRebuildError(key);
      }
      const write = writes[0];
      if (writes.length !== 1 || write?.op !== 'put' || write.entity !== entity || write.row.id !== id)
        throw new EchoRebuildError(key);
      const createdAt = (row?.createdAt as string | undefined) ?? entry.echo.at;
      row = { ...write.row, createdAt, updatedAt: entry.echo.at, version: entry.echo.version };
      await table.put(toLocalRow(entity, row));
    }
    if (stillQueued.has(key)) await db.bases.put({ entity, id, row });
    rebuilt.add(key);
  }
  return rebuilt;
}
