// The topic catalogue's reads and writes behind /api/admin/topics: list, create, update. A topic's key is set
// once and unique among its space's live topics (checked in the transaction, and by the unique index when two
// creates race). Every write takes a version from the space counter and is audited in the same transaction.
import { and, asc, eq } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import type { TopicCreateRequest, TopicUpdateRequest } from '#domain/schemas/admin';
import type { User } from '#domain/schemas/auth';
import { writeAudit } from '../audit';
import type { Db, DbExecutor } from '../db/database';
import { spaces, topics } from '../db/schema';
import { nextSpaceVersion } from '../db/versions';
import { HttpError } from '../http/errors';
import { isUniqueViolation, type TopicRow } from './records';
import { updateReference } from './reference-update';

const keyTaken = () => new HttpError(409, 'conflict', 'A topic with that key exists in this space', { key: 'taken' });

/** 403 unless the user is an admin or the space is the user's own. */
export function requireSpace(user: User, spaceId: string): void {
  if (user.role !== 'admin' && user.spaceId !== spaceId) {
    throw new HttpError(403, 'forbidden', 'That space is not yours');
  }
}

/** The live topics, of one space or of all, by space then key. */
export async function listTopics(db: DbExecutor, spaceId: string | undefined): Promise<TopicRow[]> {
  return db
    .select()
    .from(topics)
    .where(and(eq(topics.deleted, false), spaceId ? eq(topics.spaceId, spaceId) : undefined))
    .orderBy(asc(topics.spaceId), asc(topics.key));
}

/** Creates a topic in a space that exists; 409 when its key is taken there. */
export async function createTopic(
  db: Db,
  spaceId: string,
  body: Omit<TopicCreateRequest, 'spaceId'>,
  actorId: string,
  now: Date,
): Promise<TopicRow> {
  const [space] = await db.select({ id: spaces.id }).from(spaces).where(eq(spaces.id, spaceId));
  if (!space) throw new HttpError(400, 'invalid', 'No such space', { spaceId: 'unknown' });
  try {
    return await db.transaction(async (tx) => {
      const version = await nextSpaceVersion(tx, spaceId);
      const [existing] = await tx
        .select({ id: topics.id })
        .from(topics)
        .where(and(eq(topics.spaceId, spaceId), eq(topics.key, body.key), eq(topics.deleted, false)));
      if (existing) throw keyTaken();
      const [created] = await tx
        .insert(topics)
        .values({
          id: uuidv7(),
          ...body,
          active: true,
          spaceId,
          version,
          createdAt: now,
          updatedAt: now,
        })
        .returning();
      await writeAudit(tx, {
        at: now,
        action: 'admin.topic_create',
        userId: actorId,
        spaceId,
        entity: 'topic',
        entityId: created!.id,
        detail: body,
      });
      return created!;
    });
  } catch (error) {
    throw isUniqueViolation(error) ? keyTaken() : error;
  }
}

/** Updates a topic of a space the user may manage; 404 when there is none, 403 when it is another space's. */
export async function updateTopic(
  db: Db,
  id: string,
  patch: TopicUpdateRequest,
  actor: User,
  now: Date,
): Promise<TopicRow> {
  const [current] = await db.select().from(topics).where(eq(topics.id, id));
  if (!current || current.deleted) throw new HttpError(404, 'not_found', 'No such topic');
  requireSpace(actor, current.spaceId);
  return updateReference(
    db,
    { entity: 'topic', id, spaceId: current.spaceId, patch, actorId: actor.id, now },
    (tx, set) => tx.update(topics).set(set).where(eq(topics.id, id)).returning(),
  );
}
