// One local mutator per mutation name (src/domain/schemas/sync.ts), with the server's semantics:
// puts merge a patch over the existing row (or make the row), deletes remove it, and anything the
// server would refuse is refused here first with a LocalWriteError carrying the server's code.
import { attendanceSchema } from '../../domain/schemas/attendance';
import { participantSchema } from '../../domain/schemas/participant';
import { photoSchema } from '../../domain/schemas/photo';
import type { MutationArgs, MutationName } from '../../domain/schemas/sync';
import type { LocalAttendance, LocalParticipant, LocalPhoto } from './local-rows';
import { LocalWriteError } from './local-write-error';
import {
  checked, existing, newRowMarkers, openSession, patchOf, refuseChanges, type MutatorContext,
} from './mutator-kit';
import { participantSearchKey } from './participant-search';
import { sessionDelete, sessionPut, sessionReview, sessionSubmit } from './session-mutators';

export type LocalMutator<N extends MutationName> = (ctx: MutatorContext, args: MutationArgs<N>) => Promise<void>;

async function participantPut({ db }: MutatorContext, args: MutationArgs<'participant.put'>): Promise<void> {
  const row = await db.participants.get(args.id);
  const start = row ?? { id: args.id, ...newRowMarkers };
  const fields = checked(participantSchema, { ...start, ...patchOf(args) });
  await db.participants.put({ ...start, ...fields, searchKey: participantSearchKey(fields) } as LocalParticipant);
}

async function participantDelete({ db }: MutatorContext, args: MutationArgs<'participant.delete'>): Promise<void> {
  const row = await existing(db.participants.get(args.id));
  await db.participants.delete(row.id);
}

/** One row per (session, participant); the pair of an existing row never changes. */
async function attendancePut({ db }: MutatorContext, args: MutationArgs<'attendance.put'>): Promise<void> {
  const row = await db.attendance.get(args.id);
  const patch = patchOf(args);
  refuseChanges(row, patch, ['sessionId', 'participantId']);
  await openSession(db, args.sessionId);
  await existing(db.participants.get(args.participantId), 'participantId');
  const twin = await db.attendance.where('[sessionId+participantId]').equals([args.sessionId, args.participantId]).first();
  if (twin && twin.id !== args.id) throw new LocalWriteError('duplicate_attendance', { participantId: 'duplicate' });
  const start = row ?? { id: args.id, ...newRowMarkers };
  const fields = checked(attendanceSchema, { ...start, ...patch });
  await db.attendance.put({ ...start, ...fields } as LocalAttendance);
}

async function attendanceDelete({ db }: MutatorContext, args: MutationArgs<'attendance.delete'>): Promise<void> {
  const row = await existing(db.attendance.get(args.id));
  await openSession(db, row.sessionId);
  await db.attendance.delete(row.id);
}

/** A photo's image facts are fixed when it is made; later puts change its caption. */
const photoImageFields = ['sessionId', 'mime', 'bytes', 'sha256', 'width', 'height'] as const;

async function photoPut({ db }: MutatorContext, args: MutationArgs<'photo.put'>): Promise<void> {
  const row = await db.photos.get(args.id);
  const patch = patchOf(args);
  refuseChanges(row, patch, photoImageFields);
  const start = row ?? { id: args.id, ...newRowMarkers };
  const fields = checked(photoSchema, { ...start, ...patch });
  await openSession(db, fields.sessionId);
  await db.photos.put({ ...start, ...fields } as LocalPhoto);
}

async function photoDelete({ db }: MutatorContext, args: MutationArgs<'photo.delete'>): Promise<void> {
  const row = await existing(db.photos.get(args.id));
  await openSession(db, row.sessionId);
  await db.photos.delete(row.id);
}

export const localMutators: { [N in MutationName]: LocalMutator<N> } = {
  'session.put': sessionPut,
  'session.submit': sessionSubmit,
  'session.delete': sessionDelete,
  'session.review': sessionReview,
  'participant.put': participantPut,
  'participant.delete': participantDelete,
  'attendance.put': attendancePut,
  'attendance.delete': attendanceDelete,
  'photo.put': photoPut,
  'photo.delete': photoDelete,
};

/** Applies one mutation to the local tables; call inside a transaction over its tables. */
export function applyLocalMutation(ctx: MutatorContext, name: MutationName, args: unknown): Promise<void> {
  return (localMutators[name] as LocalMutator<MutationName>)(ctx, args as MutationArgs<MutationName>);
}
