// The shared mutators (src/domain/mutators) on the device: their reads answered from the local tables, their
// writes put into them with the local sync markers. Call inside a Dexie transaction over the mutation's
// tables (tablesOfMutation), so the record, its outbox entry and everything read commit together.
// What the device cannot know it does not refuse: topics before the first pull, a unit tree it holds only in
// part; the server decides those.
import { MutationError } from '#domain/mutators/mutation-error';
import { attendanceRecord, participantRecord, photoRecord, sessionRecord } from '#domain/mutators/records';
import { parseMutationArgs, runMutation } from '#domain/mutators/registry';
import type {
  ChildEntity,
  MutableEntity,
  MutationContext,
  MutationReader,
  MutationRows,
  MutationUser,
  MutationWrite,
} from '#domain/mutators/transaction';
import type { MutationName } from '#domain/schemas/sync';
import type { LogbookDb } from './database';
import { entityTable } from './entities';
import type { LocalAttendance, LocalMarkers } from './local-rows';
import { participantSearchKey } from './participant-search';

const recordOf: { [E in MutableEntity]: (row: MutationRows[E]) => MutationRows[E] } = {
  session: sessionRecord,
  participant: participantRecord,
  attendance: attendanceRecord,
  photo: photoRecord,
};

export function localReader(db: LogbookDb): MutationReader {
  return {
    async get(entity, id) {
      const row = await entityTable(db, entity).get(id);
      return row ? (recordOf[entity] as (r: unknown) => MutationRows[typeof entity])(row) : undefined;
    },
    async liveChildren<E extends ChildEntity>(entity: E, sessionId: string) {
      const rows = await entityTable(db, entity).where('sessionId').equals(sessionId).toArray();
      return rows.map((row) => (recordOf[entity] as (r: unknown) => MutationRows[E])(row));
    },
    async liveAttendanceOf(participantIds) {
      const rows = await db.attendance
        .where('participantId')
        .anyOf([...participantIds])
        .toArray();
      // The server's order (src/server/people/merge-people.ts): when it stored them, then id; unsent rows last.
      const at = (row: LocalAttendance) => row.createdAt ?? '\uffff';
      rows.sort((a, b) => (at(a) < at(b) ? -1 : at(a) > at(b) ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
      return rows.map(attendanceRecord);
    },
    async liveTopicIds(ids, spaceId) {
      const known = (await db.topics.bulkGet([...ids])).filter((t) => t !== undefined && t.spaceId === spaceId);
      // No topic of the space yet (before the first pull): the device cannot tell, so it names them all known.
      if (known.length === 0 && (await db.topics.where('spaceId').equals(spaceId).count()) === 0) return new Set(ids);
      return new Set(known.map((t) => t!.id));
    },
    async isUnitWithin(unitId, ancestorId) {
      for (let id: string | null = unitId, depth = 0; id && depth < 64; depth += 1) {
        if (id === ancestorId) return true;
        const unit: { parentId: string | null } | undefined = await db.units.get(id);
        if (!unit) return undefined;
        id = unit.parentId;
      }
      return false;
    },
  };
}

const newRowMarkers: LocalMarkers = { pending: true, rejected: false };

async function writeLocal(db: LogbookDb, writes: readonly MutationWrite[]): Promise<void> {
  for (const write of writes) {
    const table = entityTable(db, write.entity);
    if (write.op === 'delete') {
      await table.delete(write.id);
      continue;
    }
    const current = (await table.get(write.row.id)) as (LocalMarkers & Record<string, unknown>) | undefined;
    const markers: LocalMarkers = current
      ? {
          version: current.version,
          createdAt: current.createdAt,
          updatedAt: current.updatedAt,
          pending: current.pending,
          rejected: current.rejected,
        }
      : newRowMarkers;
    const row: Record<string, unknown> & { id: string } = { ...stripUndefined(markers), ...write.row };
    if (write.entity === 'participant') row.searchKey = participantSearchKey(write.row);
    await table.put(row);
  }
}

function stripUndefined(markers: LocalMarkers): Partial<LocalMarkers> {
  return Object.fromEntries(Object.entries(markers).filter(([, v]) => v !== undefined));
}

/** The signed-in user as the rules see them: the profile given at sign-in, or the user row a pull brought. */
export async function deviceUser(db: LogbookDb): Promise<MutationUser> {
  const profile = db.profile ?? (await db.users.get(db.userId));
  if (!profile) throw new MutationError('unauthorized', 'The signed-in user is unknown on this device');
  return { id: db.userId, role: profile.role, unitId: profile.unitId, spaceId: profile.spaceId };
}

/** Parses and applies one mutation to the local tables; throws a MutationError when its rule refuses it. */
export async function applyLocalMutation(db: LogbookDb, name: MutationName, args: unknown, now: string): Promise<void> {
  const ctx: MutationContext = { user: await deviceUser(db), now, clientAt: now };
  const parsed = parseMutationArgs(name, args);
  await writeLocal(db, await runMutation(localReader(db), ctx, name, parsed));
}
