// Everything one push's mutations may read, fetched before any of them runs, in a handful of set-based
// statements (docs: docs/sync.md, set-based apply): the rows the args name, locked FOR UPDATE; the sessions
// those rows belong to, locked too; the live attendance and photos of sessions whose children a rule counts
// or cascades to; the topics a put names; the organiser's unit subtree when the batch reviews. The shared
// mutators then run in order against this store in memory, and each one's writes are applied to it, so the
// next mutation sees them. Dirty rows are written back by batch-flush.ts.
// Reading a row that was not fetched is a bug in `plan` below, never a silent "not found": it throws.
import { and, eq, inArray } from 'drizzle-orm';
import type {
  ChildEntity,
  MutableEntity,
  MutationReader,
  MutationRows,
  MutationUser,
  MutationWrite,
  StoredRow,
} from '#domain/mutators/transaction';
import type { MutationArgs, MutationName } from '#domain/schemas/sync';
import type { DbTx } from '../db/database';
import { participants, topics } from '../db/schema';
import { mutableTables, recordOf, type MutableDbRows } from './record-columns';
import { unitSubtree } from './units';

export interface ParsedMutation<N extends MutationName = MutationName> {
  id: number;
  name: N;
  args: MutationArgs<N>;
  /** The device's clock when it was made (docs/sync.md §1), information only. */
  clientAt?: string;
}

export interface BatchEntry<E extends MutableEntity = MutableEntity> {
  entity: E;
  row: MutationRows[E];
  deleted: boolean;
  spaceId: string;
  /** When the row was first stored; null for a row this push creates. */
  createdAt: Date | null;
  dirty: boolean;
  /** People only (issue 13): the person this one was merged into, and the units of records merged into it. */
  mergedInto?: string | null;
  mergedUnitIds?: string[];
  /**
   * The stored row's version and echo stamp before this push (echo-stamps.ts), and for a session whether it was
   * awaiting review (an organiser's working set holds those); undefined for a new row.
   */
  prior?: { version: number; echoClientId: string | null; echoVersion: number | null; awaitingReview?: boolean };
}

type EntryMaps = { [E in MutableEntity]: Map<string, BatchEntry<E>> };

/** Ids to read, by kind. */
interface ReadPlan {
  ids: { [E in MutableEntity]: Set<string> };
  /** Sessions whose live attendance / photos a rule reads. */
  childrenOf: { [E in ChildEntity]: Set<string> };
  topicIds: Set<string>;
  reviews: boolean;
}

function plan(mutations: readonly ParsedMutation[]): ReadPlan {
  const p: ReadPlan = {
    ids: { session: new Set(), participant: new Set(), attendance: new Set(), photo: new Set() },
    childrenOf: { attendance: new Set(), photo: new Set() },
    topicIds: new Set(),
    reviews: false,
  };
  for (const { name, args } of mutations) {
    const entity = name.slice(0, name.indexOf('.')) as MutableEntity;
    p.ids[entity].add(args.id);
    if (name === 'session.put') (args as MutationArgs<'session.put'>).topicIds?.forEach((id) => p.topicIds.add(id));
    if (name === 'session.submit' || name === 'session.delete') {
      p.childrenOf.attendance.add(args.id);
      p.childrenOf.photo.add(args.id);
    }
    if (name === 'session.review') p.reviews = true;
    if (name === 'attendance.put') {
      const { sessionId, participantId } = args as MutationArgs<'attendance.put'>;
      p.ids.session.add(sessionId);
      p.ids.participant.add(participantId);
      p.childrenOf.attendance.add(sessionId);
    }
    if (name === 'photo.put') {
      const { sessionId } = args as MutationArgs<'photo.put'>;
      if (sessionId) p.ids.session.add(sessionId);
    }
  }
  return p;
}

export class BatchStore implements MutationReader {
  private readonly entries: EntryMaps = {
    session: new Map(),
    participant: new Map(),
    attendance: new Map(),
    photo: new Map(),
  };
  /** Ids known to have no row (fetched and not found). */
  private readonly absent: { [E in MutableEntity]: Set<string> } = {
    session: new Set(),
    participant: new Set(),
    attendance: new Set(),
    photo: new Set(),
  };
  private readonly children: { [E in ChildEntity]: Map<string, Set<string>> } = {
    attendance: new Map(),
    photo: new Map(),
  };
  private readonly topicSpaces = new Map<string, string>();
  private subtree: Set<string> | null = null;

  private constructor(private readonly user: MutationUser) {}

  /** Reads, in about six statements, every row the mutations can touch. Call after the space is locked. */
  static async load(tx: DbTx, user: MutationUser, mutations: readonly ParsedMutation[]): Promise<BatchStore> {
    const store = new BatchStore(user);
    const wanted = plan(mutations);
    // Children named by id first: their sessions are read (and locked) with the others.
    for (const entity of ['attendance', 'photo'] as const) {
      const rows = await store.readByIds(tx, entity, wanted.ids[entity]);
      for (const row of rows) wanted.ids.session.add(row.sessionId);
    }
    await store.readByIds(tx, 'session', wanted.ids.session);
    await store.readMergeLinks(tx, await store.readByIds(tx, 'participant', wanted.ids.participant));
    for (const entity of ['attendance', 'photo'] as const)
      await store.readChildren(tx, entity, wanted.childrenOf[entity]);
    if (wanted.topicIds.size > 0) {
      const found = await tx
        .select({ id: topics.id, spaceId: topics.spaceId })
        .from(topics)
        .where(and(inArray(topics.id, [...wanted.topicIds]), eq(topics.deleted, false)));
      for (const topic of found) store.topicSpaces.set(topic.id, topic.spaceId);
    }
    if (wanted.reviews && user.role === 'organiser') store.subtree = new Set(await unitSubtree(tx, user.unitId));
    return store;
  }

  private async readByIds<E extends MutableEntity>(tx: DbTx, entity: E, ids: Set<string>): Promise<MutableDbRows[E][]> {
    const unread = [...ids].filter((id) => !this.entries[entity].has(id) && !this.absent[entity].has(id));
    if (unread.length === 0) return [];
    // One query shape for the four tables; the rows are typed by `entity`.
    const table = mutableTables[entity] as unknown as typeof mutableTables.attendance;
    const rows = (await tx
      .select()
      .from(table)
      .where(inArray(table.id, unread))
      .for('update')) as unknown as MutableDbRows[E][];
    for (const row of rows) this.remember(entity, row);
    const found = new Set(rows.map((row) => row.id));
    for (const id of unread) if (!found.has(id)) this.absent[entity].add(id);
    return rows;
  }

  /**
   * For people read (issue 13): the person each merged one was merged into (read and locked too, as the
   * attendance naming a merged person is written for the kept one), and the units of the records merged into
   * each person, in two statements.
   */
  private async readMergeLinks(tx: DbTx, people: readonly MutableDbRows['participant'][]): Promise<void> {
    const kept = await this.readByIds(
      tx,
      'participant',
      new Set(people.flatMap((p) => (p.mergedInto ? [p.mergedInto] : []))),
    );
    const ids = [...people, ...kept].map((p) => p.id);
    if (ids.length === 0) return;
    const links = await tx
      .select({ keptId: participants.mergedInto, unitId: participants.unitId })
      .from(participants)
      .where(inArray(participants.mergedInto, ids));
    for (const id of ids) {
      const entry = this.entries.participant.get(id);
      if (entry) entry.mergedUnitIds = [...new Set(links.filter((l) => l.keptId === id).map((l) => l.unitId))];
    }
  }

  private async readChildren(tx: DbTx, entity: ChildEntity, sessionIds: Set<string>): Promise<void> {
    const ids = [...sessionIds].filter((id) => !this.children[entity].has(id));
    if (ids.length === 0) return;
    for (const id of ids) this.children[entity].set(id, new Set());
    const table = mutableTables[entity] as typeof mutableTables.attendance;
    const rows = await tx
      .select()
      .from(table)
      .where(and(inArray(table.sessionId, ids), eq(table.deleted, false)));
    for (const row of rows) this.remember(entity, row);
  }

  private remember<E extends MutableEntity>(entity: E, row: MutableDbRows[E]): void {
    if (!this.entries[entity].has(row.id)) {
      const record = (recordOf[entity] as (r: MutableDbRows[E]) => MutationRows[E])(row);
      const mergedInto =
        entity === 'participant' ? { mergedInto: (row as MutableDbRows['participant']).mergedInto } : {};
      this.entries[entity].set(row.id, {
        entity,
        row: record,
        deleted: row.deleted,
        spaceId: row.spaceId,
        createdAt: row.createdAt,
        dirty: false,
        prior: {
          version: row.version,
          echoClientId: row.echoClientId,
          echoVersion: row.echoVersion,
          ...(entity === 'session'
            ? { awaitingReview: !row.deleted && (row as MutableDbRows['session']).status === 'submitted' }
            : {}),
        },
        ...mergedInto,
      });
    }
    // A child read by id before its session's children were read is indexed when they are.
    if (entity === 'attendance' || entity === 'photo')
      this.indexChild(entity, (row as { sessionId: string }).sessionId, row.id);
  }

  private indexChild(entity: ChildEntity, sessionId: string, id: string): void {
    this.children[entity].get(sessionId)?.add(id);
  }

  async get<E extends MutableEntity>(entity: E, id: string): Promise<StoredRow<E> | undefined> {
    const entry = this.entries[entity].get(id);
    if (entry && entity === 'participant') {
      return {
        ...entry.row,
        deleted: entry.deleted,
        mergedInto: entry.mergedInto ?? null,
        mergedUnitIds: entry.mergedUnitIds ?? [],
      };
    }
    if (entry) return { ...entry.row, deleted: entry.deleted };
    if (this.absent[entity].has(id)) return undefined;
    throw new Error(`The push did not read ${entity} ${id} before applying its mutations`);
  }

  async liveChildren<E extends ChildEntity>(entity: E, sessionId: string): Promise<MutationRows[E][]> {
    const ids = this.children[entity].get(sessionId);
    if (!ids) throw new Error(`The push did not read the ${entity} of session ${sessionId}`);
    const map = this.entries[entity] as Map<string, BatchEntry<E>>;
    return [...ids]
      .map((id) => map.get(id))
      .filter((e) => e !== undefined && !e.deleted)
      .map((e) => e!.row);
  }

  /** person.merge runs in src/server/people over the database, never over this store (push.ts). */
  async liveAttendanceOf(): Promise<MutationRows['attendance'][]> {
    throw new Error('The push applies person.merge with the people code, not over its batch store');
  }

  async liveTopicIds(ids: readonly string[], spaceId: string): Promise<Set<string>> {
    return new Set(ids.filter((id) => this.topicSpaces.get(id) === spaceId));
  }

  async isUnitWithin(unitId: string, ancestorId: string): Promise<boolean> {
    if (!this.subtree || ancestorId !== this.user.unitId) throw new Error('The push did not read this unit subtree');
    return this.subtree.has(unitId);
  }

  /** The space a row of this push belongs to: its own, or its session's, or the writer's. */
  spaceOf(entity: MutableEntity, id: string): string {
    return this.entries[entity].get(id)?.spaceId ?? this.user.spaceId;
  }

  /** Applies one mutation's writes, so the mutations after it read them. */
  apply(writes: readonly MutationWrite[]): void {
    for (const write of writes) {
      const map = this.entries[write.entity] as Map<string, BatchEntry>;
      if (write.op === 'delete') {
        const entry = map.get(write.id);
        if (entry) Object.assign(entry, { deleted: true, dirty: true });
        continue;
      }
      const { row } = write;
      const entry = map.get(row.id);
      if (entry) {
        Object.assign(entry, { row, deleted: false, dirty: true });
        continue;
      }
      const sessionId = 'sessionId' in row ? row.sessionId : undefined;
      const spaceId = sessionId ? this.spaceOf('session', sessionId) : this.user.spaceId;
      map.set(row.id, { entity: write.entity, row, deleted: false, spaceId, createdAt: null, dirty: true });
      this.absent[write.entity].delete(row.id);
      if (write.entity === 'session') {
        this.children.attendance.set(row.id, this.children.attendance.get(row.id) ?? new Set());
        this.children.photo.set(row.id, this.children.photo.get(row.id) ?? new Set());
      }
      if ((write.entity === 'attendance' || write.entity === 'photo') && sessionId)
        this.indexChild(write.entity, sessionId, row.id);
    }
  }

  /** Rows this push changed, by entity, in the order their tables must be written (parents first). */
  dirty(): BatchEntry[] {
    return (['session', 'participant', 'attendance', 'photo'] as const).flatMap((entity) =>
      [...(this.entries[entity] as Map<string, BatchEntry>).values()].filter((e) => e.dirty),
    );
  }
}
