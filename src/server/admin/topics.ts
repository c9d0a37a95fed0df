// /api/admin/topics: the topic catalogue of a space. Admins manage every space's; organisers their own
// space's (they extend the starter set). A topic's key is its stable identity: set once, unique among the
// space's live topics. Retire a topic with `active: false`. Every write takes a version and is audited.
import { Hono } from 'hono';
import { and, asc, eq } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import { spaceFilterQuerySchema, topicCreateRequestSchema, topicUpdateRequestSchema } from '../../domain/schemas/admin';
import type { User } from '../../domain/schemas/auth';
import { writeAudit } from '../audit';
import { requireUser } from '../auth/require-user';
import { spaces, topics } from '../db/schema';
import { nextSpaceVersion } from '../db/versions';
import type { AppDeps, AppEnv } from '../http/app-env';
import { HttpError } from '../http/errors';
import { readJson } from '../http/json-body';
import { readQuery } from '../reports/read-query';
import { idParam } from './id-param';
import { isUniqueViolation, toTopic } from './records';

const keyTaken = () => new HttpError(409, 'conflict', 'A topic with that key exists in this space', { key: 'taken' });

function requireSpace(user: User, spaceId: string): void {
  if (user.role !== 'admin' && user.spaceId !== spaceId) {
    throw new HttpError(403, 'forbidden', 'That space is not yours');
  }
}

export function createTopicRoutes({ db, clock }: AppDeps): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();
  routes.use(requireUser('organiser', 'admin'));

  routes.get('/', async (c) => {
    const me = c.get('user');
    const asked = readQuery(c, spaceFilterQuerySchema).spaceId;
    if (asked) requireSpace(me, asked);
    const spaceId = asked ?? (me.role === 'admin' ? undefined : me.spaceId);
    const rows = await db.select().from(topics)
      .where(and(eq(topics.deleted, false), spaceId ? eq(topics.spaceId, spaceId) : undefined))
      .orderBy(asc(topics.spaceId), asc(topics.key));
    return c.json({ topics: rows.map(toTopic) });
  });

  routes.post('/', async (c) => {
    const { spaceId: asked, ...body } = await readJson(c, topicCreateRequestSchema);
    const me = c.get('user');
    const spaceId = asked ?? me.spaceId;
    requireSpace(me, spaceId);
    const [space] = await db.select({ id: spaces.id }).from(spaces).where(eq(spaces.id, spaceId));
    if (!space) throw new HttpError(400, 'invalid', 'No such space', { spaceId: 'unknown' });
    const now = clock.now();
    try {
      const row = await db.transaction(async (tx) => {
        const version = await nextSpaceVersion(tx, spaceId);
        const [existing] = await tx.select({ id: topics.id }).from(topics)
          .where(and(eq(topics.spaceId, spaceId), eq(topics.key, body.key), eq(topics.deleted, false)));
        if (existing) throw keyTaken();
        const [created] = await tx.insert(topics).values({
          id: uuidv7(), ...body, active: true, spaceId, version, createdAt: now, updatedAt: now,
        }).returning();
        await writeAudit(tx, {
          at: now, action: 'admin.topic_create', userId: me.id, spaceId, entity: 'topic', entityId: created!.id, detail: body,
        });
        return created!;
      });
      return c.json({ topic: toTopic(row) }, 201);
    } catch (error) {
      throw isUniqueViolation(error) ? keyTaken() : error;
    }
  });

  routes.patch('/:id', async (c) => {
    const id = idParam(c, 'topic');
    const patch = await readJson(c, topicUpdateRequestSchema);
    const me = c.get('user');
    const [current] = await db.select().from(topics).where(eq(topics.id, id));
    if (!current || current.deleted) throw new HttpError(404, 'not_found', 'No such topic');
    requireSpace(me, current.spaceId);
    const now = clock.now();
    const row = await db.transaction(async (tx) => {
      const version = await nextSpaceVersion(tx, current.spaceId);
      const [updated] = await tx.update(topics).set({ ...patch, version, updatedAt: now }).where(eq(topics.id, id)).returning();
      await writeAudit(tx, {
        at: now, action: 'admin.topic_update', userId: me.id, spaceId: current.spaceId, entity: 'topic', entityId: id,
        detail: { changed: Object.keys(patch), ...patch },
      });
      return updated!;
    });
    return c.json({ topic: toTopic(row) });
  });

  return routes;
}
