// session.review: an organiser whose unit is the session's unit or one of its ancestors, or an admin
// anywhere, approves or returns a submitted session (DESIGN §4, §5). The review is audited in the same
// transaction. Organisers never change trainer content: every other session mutator is trainer-only.
import { eq } from 'drizzle-orm';
import { canReview, nextStatusAfterReview } from '../../../domain/rules/session-status';
import type { MutationArgs } from '../../../domain/schemas/sync';
import { writeAudit } from '../../audit';
import { sessions } from '../../db/schema';
import { isUnitWithin } from '../units';
import { lockedSession, MutationRefusal, notFound, type Mutator } from './kit';

export const sessionReview: Mutator<MutationArgs<'session.review'>> = async (ctx, args) => {
  const { user } = ctx;
  if (user.role !== 'organiser' && user.role !== 'admin') {
    throw new MutationRefusal('forbidden', 'Only organisers and admins review sessions');
  }
  const row = await lockedSession(ctx, args.id);
  if (!row || row.deleted) throw notFound();
  if (user.role === 'organiser' && !(await isUnitWithin(ctx.tx, row.unitId, user.unitId))) {
    throw new MutationRefusal('forbidden', 'The session is outside your units', { id: 'forbidden' });
  }
  if (!canReview(row.status)) {
    const message = `A ${row.status} session cannot be reviewed`;
    throw new MutationRefusal('invalid_transition', message, { status: row.status });
  }
  const status = nextStatusAfterReview(args.decision);
  const reviewComment = args.comment ?? null;
  const version = await ctx.versionFor(row.spaceId);
  await ctx.tx.update(sessions)
    .set({ status, reviewComment, reviewedBy: user.id, reviewedAt: ctx.now, updatedAt: ctx.now, version })
    .where(eq(sessions.id, row.id));
  await writeAudit(ctx.tx, {
    at: ctx.now, action: 'session.review', userId: user.id, spaceId: row.spaceId, entity: 'session', entityId: row.id,
    detail: { decision: args.decision, status, comment: reviewComment },
  });
};
