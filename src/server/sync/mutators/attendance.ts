// attendance.put / attendance.delete: one row per (session, participant) on the trainer's own sessions
// (DESIGN §4). The pair of an existing row never changes; the person must be registered in the session's unit.
import { and, eq, ne } from 'drizzle-orm';
import { attendanceSchema } from '../../../domain/schemas/attendance';
import type { MutationArgs } from '../../../domain/schemas/sync';
import { attendance, participants } from '../../db/schema';
import { attendanceOf } from '../entity-data';
import {
  checked, MutationRefusal, notFound, ownSession, patchOf, refuseChanges, refuseIfLocked, requireTrainer, sameId,
  type Mutator,
} from './kit';

export const attendancePut: Mutator<MutationArgs<'attendance.put'>> = async (ctx, args) => {
  requireTrainer(ctx);
  const [row] = await ctx.tx.select().from(attendance).where(eq(attendance.id, args.id)).for('update');
  if (row?.deleted) throw notFound();
  const patch = patchOf(args);
  refuseChanges(row && attendanceOf(row), patch, ['sessionId', 'participantId']);
  const session = await ownSession(ctx, args.sessionId, 'sessionId');
  refuseIfLocked(session);

  const [person] = await ctx.tx.select().from(participants).where(eq(participants.id, args.participantId));
  if (!person || person.deleted) throw notFound('participantId');
  if (!sameId(person.unitId, session.unitId)) {
    throw new MutationRefusal('forbidden', 'The person is registered in another unit', { participantId: 'forbidden' });
  }
  const [twin] = await ctx.tx.select({ id: attendance.id }).from(attendance).where(and(
    eq(attendance.sessionId, session.id), eq(attendance.participantId, person.id),
    eq(attendance.deleted, false), ne(attendance.id, args.id),
  ));
  if (twin) {
    const message = 'The person is already on this session';
    throw new MutationRefusal('duplicate_attendance', message, { participantId: 'duplicate' });
  }

  const fields = checked(attendanceSchema, { ...(row ? attendanceOf(row) : {}), ...patch, id: args.id });
  const version = await ctx.versionFor(session.spaceId);
  const columns = { days: fields.days ?? null, note: fields.note ?? null, version, updatedAt: ctx.now };
  if (row) {
    await ctx.tx.update(attendance).set(columns).where(eq(attendance.id, row.id));
    return;
  }
  await ctx.tx.insert(attendance).values({
    id: args.id, sessionId: session.id, participantId: person.id, spaceId: session.spaceId, createdAt: ctx.now,
    ...columns,
  });
};

export const attendanceDelete: Mutator<MutationArgs<'attendance.delete'>> = async (ctx, args) => {
  requireTrainer(ctx);
  const [row] = await ctx.tx.select().from(attendance).where(eq(attendance.id, args.id)).for('update');
  if (!row || row.deleted) throw notFound();
  const session = await ownSession(ctx, row.sessionId, 'id');
  refuseIfLocked(session);
  const version = await ctx.versionFor(session.spaceId);
  await ctx.tx.update(attendance).set({ deleted: true, version, updatedAt: ctx.now }).where(eq(attendance.id, row.id));
};
