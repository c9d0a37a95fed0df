// Where each synced entity lives locally, and which record a mutation touches: every mutation
// names exactly one record by `entity` and `args.id` (a merge of people, or its undo, names the person kept).
import type { Table } from 'dexie';
import type { MutationName, SyncEntity } from '#domain/schemas/sync';
import type { LogbookDb } from './database';

export const tableNameOf = {
  session: 'sessions',
  participant: 'participants',
  attendance: 'attendance',
  photo: 'photos',
  unit: 'units',
  topic: 'topics',
  plan: 'plans',
  user: 'users',
} as const satisfies Record<SyncEntity, keyof LogbookDb>;

export const serverStateTables = Object.values(tableNameOf);

export function entityTable(
  db: LogbookDb,
  entity: SyncEntity,
): Table<Record<string, unknown> & { id: string }, string> {
  return db.table(tableNameOf[entity]);
}

export type MutableEntity = 'session' | 'participant' | 'attendance' | 'photo';

export function entityOfMutation(name: MutationName): MutableEntity {
  const prefix = name.slice(0, name.indexOf('.'));
  return prefix === 'person' ? 'participant' : (prefix as MutableEntity);
}

/** Tables a mutation reads or writes besides its own, for the transaction scope. */
const readsAlso: Record<MutableEntity, (keyof LogbookDb)[]> = {
  session: ['attendance', 'photos', 'topics', 'units'],
  participant: [],
  attendance: ['sessions', 'participants'],
  photo: ['sessions'],
};

/** A merge reads the people's attendance and the unit tree, and moves rows. */
const mergeReads: (keyof LogbookDb)[] = ['attendance', 'units'];

/** `users`: the writer's own row stands in for a profile not given at sign-in (dexie-mutation-store.ts). */
export function tablesOfMutation(name: MutationName): string[] {
  const entity = entityOfMutation(name);
  if (name.startsWith('person.')) return [tableNameOf[entity], ...mergeReads, 'users'];
  return [tableNameOf[entity], ...readsAlso[entity], 'users'];
}

/**
 * Mutations that change, on the device, records besides the one they name: a session.delete removes the
 * session's attendance and photos, a person.merge moves the merged people's rows. Those records get no base, so
 * when such a change is refused (or discarded) only a pull from the start brings them back.
 */
export function changesUnnamedRecords(name: MutationName): boolean {
  return name === 'session.delete' || name === 'person.merge';
}
