// The one SQL schema (drizzle pg-core) for PGlite and PostgreSQL alike. Columns follow the domain schemas in
// src/domain/schemas: camelCase in TypeScript, snake_case in SQL. Migrations are generated from this file with
// `npx drizzle-kit generate` and are append-only.
//
// Synced tables (units, users, topics, plans, sessions, participants, attendance, photos) carry space_id,
// version (the space's counter when the row was last written, see versions.ts), a deleted tombstone flag and
// server timestamps, with an index on (space_id, version) for pull.
import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  boolean,
  check,
  customType,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
  type AnyPgColumn,
} from 'drizzle-orm/pg-core';
import type { Role, Locale } from '#domain/schemas/auth';
import type { ApiError } from '#domain/schemas/error';
import type { UnionRole, Gender, ConsentMethod } from '#domain/schemas/participant';
import type { GenderEqualityField, UnitKind } from '#domain/schemas/reference';
import type { AttendanceMode, SessionFormat, SessionStatus } from '#domain/schemas/session';
import { nameKeySql, nameVariantKeySql, phoneKeySql } from './person-key-sql';

const instant = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
const calendarDate = (name: string) => date(name, { mode: 'string' });
const counter = (name: string) => bigint(name, { mode: 'number' });

const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({
  dataType: () => 'bytea',
  // node-postgres sends Buffers as bytea; PGlite takes any Uint8Array, Buffer included.
  toDriver: (value) => (Buffer.isBuffer(value) ? value : Buffer.from(value.buffer, value.byteOffset, value.byteLength)),
});

/** One provincial federation's data, and its version counter (docs/sync.md). */
export const spaces = pgTable('spaces', {
  id: uuid('id').primaryKey(),
  name: text('name').notNull(),
  provinceCode: text('province_code').notNull(),
  version: counter('version').notNull().default(0),
  /** Tombstones at or below this version may have been purged: an older pull cursor gets `reset`. */
  purgedVersion: counter('purged_version').notNull().default(0),
  createdAt: instant('created_at').notNull().defaultNow(),
});

const synced = () => ({
  spaceId: uuid('space_id')
    .notNull()
    .references(() => spaces.id),
  version: counter('version').notNull(),
  deleted: boolean('deleted').notNull().default(false),
  createdAt: instant('created_at').notNull().defaultNow(),
  updatedAt: instant('updated_at').notNull().defaultNow(),
});

/**
 * The records a device writes (docs/sync.md §10, no echo): the client whose push wrote the row as its device
 * computed it, and the version it did so at. The stamp holds only while `echo_version` equals the row's
 * version, so any other writer (which bumps the version and leaves these alone) voids it without knowing it.
 */
const echoed = () => ({
  echoClientId: uuid('echo_client_id'),
  echoVersion: counter('echo_version'),
});

export const units = pgTable(
  'units',
  {
    id: uuid('id').primaryKey(),
    parentId: uuid('parent_id').references((): AnyPgColumn => units.id),
    kind: text('kind').$type<UnitKind>().notNull(),
    name: text('name').notNull(),
    shortName: text('short_name').notNull(),
    provinceCode: text('province_code').notNull(),
    active: boolean('active').notNull().default(true),
    ...synced(),
  },
  (t) => [index('units_space_version_idx').on(t.spaceId, t.version), index('units_parent_idx').on(t.parentId)],
);

export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey(),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    username: text('username').notNull().unique(),
    displayName: text('display_name').notNull(),
    passwordHash: text('password_hash').notNull(),
    role: text('role').$type<Role>().notNull(),
    locale: text('locale').$type<Locale>().notNull().default('vi'),
    disabled: boolean('disabled').notNull().default(false),
    ...synced(),
  },
  (t) => [index('users_space_version_idx').on(t.spaceId, t.version), index('users_unit_idx').on(t.unitId)],
);

/** Sign-in tokens; only the sha256 of the token is stored. */
export const authTokens = pgTable(
  'auth_tokens',
  {
    tokenHash: text('token_hash').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    createdAt: instant('created_at').notNull().defaultNow(),
    expiresAt: instant('expires_at').notNull(),
    lastUsedAt: instant('last_used_at').notNull(),
    revokedAt: instant('revoked_at'),
  },
  (t) => [index('auth_tokens_user_idx').on(t.userId)],
);

/** Failed sign-ins, counted per username over a window so that every server instance agrees. */
export const loginFailures = pgTable(
  'login_failures',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    username: text('username').notNull(),
    at: instant('at').notNull(),
  },
  (t) => [index('login_failures_username_at_idx').on(t.username, t.at)],
);

export const topics = pgTable(
  'topics',
  {
    id: uuid('id').primaryKey(),
    key: text('key').notNull(),
    nameVi: text('name_vi').notNull(),
    nameEn: text('name_en').notNull(),
    fields: jsonb('fields').$type<GenderEqualityField[]>().notNull().default([]),
    active: boolean('active').notNull().default(true),
    ...synced(),
  },
  (t) => [
    index('topics_space_version_idx').on(t.spaceId, t.version),
    uniqueIndex('topics_space_key_live_idx')
      .on(t.spaceId, t.key)
      .where(sql`${t.deleted} = false`),
  ],
);

export const plans = pgTable(
  'plans',
  {
    id: uuid('id').primaryKey(),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    year: integer('year').notNull(),
    topicId: uuid('topic_id').references(() => topics.id),
    targetSessions: integer('target_sessions').notNull(),
    targetParticipantTurns: integer('target_participant_turns').notNull(),
    note: text('note'),
    ...synced(),
  },
  (t) => [index('plans_space_version_idx').on(t.spaceId, t.version), index('plans_unit_year_idx').on(t.unitId, t.year)],
);

export const sessions = pgTable(
  'sessions',
  {
    id: uuid('id').primaryKey(),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    trainerId: uuid('trainer_id')
      .notNull()
      .references(() => users.id),
    format: text('format').$type<SessionFormat>().notNull(),
    title: text('title').notNull().default(''),
    topicIds: uuid('topic_ids')
      .array()
      .notNull()
      .default(sql`'{}'::uuid[]`),
    startDate: calendarDate('start_date').notNull(),
    endDate: calendarDate('end_date').notNull(),
    provinceCode: text('province_code').notNull(),
    communeCode: text('commune_code'),
    communeName: text('commune_name'),
    adminSet: text('admin_set').notNull(),
    placeName: text('place_name').notNull().default(''),
    attendanceMode: text('attendance_mode').$type<AttendanceMode>().notNull(),
    /** headcount {total, women, ethnicMinority}: all three set, or all three null. */
    headcountTotal: integer('headcount_total'),
    headcountWomen: integer('headcount_women'),
    headcountEthnicMinority: integer('headcount_ethnic_minority'),
    plannedParticipants: integer('planned_participants'),
    notes: text('notes'),
    status: text('status').$type<SessionStatus>().notNull().default('draft'),
    reviewComment: text('review_comment'),
    reviewedBy: uuid('reviewed_by').references(() => users.id),
    reviewedAt: instant('reviewed_at'),
    submittedAt: instant('submitted_at'),
    /** The device's clock at the trainer's create and last submit (mutation `clientAt`), information only. */
    createdClientAt: instant('created_client_at'),
    submittedClientAt: instant('submitted_client_at'),
    ...synced(),
    ...echoed(),
  },
  (t) => [
    index('sessions_space_version_idx').on(t.spaceId, t.version),
    index('sessions_unit_start_idx').on(t.unitId, t.startDate),
    index('sessions_trainer_idx').on(t.trainerId),
    check(
      'sessions_headcount_whole',
      sql`(${t.headcountTotal} is null) = (${t.headcountWomen} is null)
      and (${t.headcountTotal} is null) = (${t.headcountEthnicMinority} is null)`,
    ),
  ],
);

export const participants = pgTable(
  'participants',
  {
    id: uuid('id').primaryKey(),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    fullName: text('full_name').notNull(),
    gender: text('gender').$type<Gender>().notNull(),
    birthYear: integer('birth_year'),
    ethnicity: text('ethnicity'),
    phone: text('phone'),
    workplace: text('workplace'),
    position: text('position'),
    unionRole: text('union_role').$type<UnionRole>(),
    /** consent {method, at} */
    consentMethod: text('consent_method').$type<ConsentMethod>().notNull(),
    consentAt: calendarDate('consent_at').notNull(),
    /** Set on the tombstone of a person merged into another (issue 13): the person kept. */
    mergedInto: uuid('merged_into').references((): AnyPgColumn => participants.id),
    /** Keys the duplicate finder joins on, computed by the database (person-key-sql.ts). */
    nameKey: text('name_key').generatedAlwaysAs(sql.raw(nameKeySql)),
    nameVariantKey: text('name_variant_key').generatedAlwaysAs(sql.raw(nameVariantKeySql)),
    phoneKey: text('phone_key').generatedAlwaysAs(sql.raw(phoneKeySql)),
    ...synced(),
    ...echoed(),
  },
  (t) => [
    index('participants_space_version_idx').on(t.spaceId, t.version),
    index('participants_unit_idx').on(t.unitId),
    index('participants_name_key_idx')
      .on(t.spaceId, t.nameKey)
      .where(sql`${t.deleted} = false`),
    index('participants_name_variant_key_idx')
      .on(t.spaceId, t.nameVariantKey)
      .where(sql`${t.deleted} = false`),
    index('participants_phone_key_idx')
      .on(t.spaceId, t.phoneKey)
      .where(sql`${t.deleted} = false and ${t.phoneKey} is not null`),
    index('participants_merged_into_idx')
      .on(t.mergedInto)
      .where(sql`${t.mergedInto} is not null`),
  ],
);

/**
 * One merge of people into the person kept (issue 13), with what it changed, so an undo restores the records
 * as they were: `changes` lists the attendance rows moved or joined and the kept person's fields before.
 */
export const participantMerges = pgTable(
  'participant_merges',
  {
    id: uuid('id').primaryKey(),
    /** Merge order, for undoing in reverse (timestamps may tie). */
    seq: bigserial('seq', { mode: 'number' }).notNull(),
    spaceId: uuid('space_id')
      .notNull()
      .references(() => spaces.id),
    keptId: uuid('kept_id')
      .notNull()
      .references(() => participants.id),
    mergedIds: uuid('merged_ids').array().notNull(),
    mergedBy: uuid('merged_by')
      .notNull()
      .references(() => users.id),
    mergedAt: instant('merged_at').notNull(),
    changes: jsonb('changes').$type<Record<string, unknown>>().notNull(),
    undoneBy: uuid('undone_by').references(() => users.id),
    undoneAt: instant('undone_at'),
  },
  (t) => [
    index('participant_merges_kept_idx').on(t.keptId),
    index('participant_merges_space_at_idx').on(t.spaceId, t.mergedAt),
  ],
);

export const attendance = pgTable(
  'attendance',
  {
    id: uuid('id').primaryKey(),
    sessionId: uuid('session_id')
      .notNull()
      .references(() => sessions.id),
    participantId: uuid('participant_id')
      .notNull()
      .references(() => participants.id),
    days: jsonb('days').$type<number[]>(),
    note: text('note'),
    ...synced(),
    ...echoed(),
  },
  (t) => [
    index('attendance_space_version_idx').on(t.spaceId, t.version),
    uniqueIndex('attendance_session_participant_live_idx')
      .on(t.sessionId, t.participantId)
      .where(sql`${t.deleted} = false`),
    index('attendance_participant_idx').on(t.participantId),
  ],
);

export const photos = pgTable(
  'photos',
  {
    id: uuid('id').primaryKey(),
    sessionId: uuid('session_id')
      .notNull()
      .references(() => sessions.id),
    mime: text('mime').notNull(),
    bytes: integer('bytes').notNull(),
    sha256: text('sha256').notNull(),
    width: integer('width').notNull(),
    height: integer('height').notNull(),
    caption: text('caption'),
    takenAt: instant('taken_at'),
    ...synced(),
    ...echoed(),
  },
  (t) => [index('photos_space_version_idx').on(t.spaceId, t.version), index('photos_session_idx').on(t.sessionId)],
);

/** The image bytes of a photo, uploaded after its metadata (docs/sync.md, docs/architecture.md §6). */
export const photoBlobs = pgTable('photo_blobs', {
  photoId: uuid('photo_id')
    .primaryKey()
    .references(() => photos.id),
  data: bytea('data').notNull(),
  sha256: text('sha256').notNull(),
  mime: text('mime').notNull(),
  bytes: integer('bytes').notNull(),
  createdAt: instant('created_at').notNull().defaultNow(),
});

/** A device database of one user, and the last mutation id applied for it. */
export const syncClients = pgTable(
  'sync_clients',
  {
    clientId: uuid('client_id').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    lastMutationId: integer('last_mutation_id').notNull().default(0),
    createdAt: instant('created_at').notNull().defaultNow(),
    updatedAt: instant('updated_at').notNull().defaultNow(),
  },
  (t) => [index('sync_clients_user_idx').on(t.userId)],
);

/** The stored outcome of every mutation, returned again when a client replays it. */
export const mutationResults = pgTable(
  'mutation_results',
  {
    clientId: uuid('client_id')
      .notNull()
      .references(() => syncClients.clientId),
    mutationId: integer('mutation_id').notNull(),
    status: text('status').$type<'applied' | 'rejected'>().notNull(),
    error: jsonb('error').$type<ApiError>(),
    /** The push's version of the writer's space when its writes are echo-stamped (docs/sync.md §10), else null. */
    version: counter('version'),
    createdAt: instant('created_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.clientId, t.mutationId] })],
);

export const auditLog = pgTable(
  'audit_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    at: instant('at').notNull(),
    userId: uuid('user_id'),
    spaceId: uuid('space_id'),
    action: text('action').notNull(),
    entity: text('entity'),
    entityId: text('entity_id'),
    detail: jsonb('detail').$type<Record<string, unknown>>(),
  },
  (t) => [index('audit_log_space_at_idx').on(t.spaceId, t.at), index('audit_log_user_at_idx').on(t.userId, t.at)],
);
