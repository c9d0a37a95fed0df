// /api/admin/topics: the topic catalogue of a space. Admins manage every space's; organisers their own
// space's (they extend the starter set). A topic's key is its stable identity: set once, unique among the
// space's live topics. Retire a topic with `active: false`. The reads and writes live in ./topic-store.
import { Hono } from 'hono';
import { spaceFilterQuerySchema, topicCreateRequestSchema, topicUpdateRequestSchema } from '#domain/schemas/admin';
import { requireUser } from '../auth/require-user';
import type { AppDeps, AppEnv } from '../http/app-env';
import { readJson } from '../http/json-body';
import { readQuery } from '../reports/read-query';
import { idParam } from './id-param';
import { toTopic } from './records';
import { createTopic, listTopics, requireSpace, updateTopic } from './topic-store';

export function createTopicRoutes({ db, clock }: AppDeps): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();
  routes.use(requireUser('organiser', 'admin'));

  routes.get('/', async (c) => {
    const me = c.get('user');
    const asked = readQuery(c, spaceFilterQuerySchema).spaceId;
    if (asked) requireSpace(me, asked);
    const rows = await listTopics(db, asked ?? (me.role === 'admin' ? undefined : me.spaceId));
    return c.json({ topics: rows.map(toTopic) });
  });

  routes.post('/', async (c) => {
    const { spaceId: asked, ...body } = await readJson(c, topicCreateRequestSchema);
    const me = c.get('user');
    const spaceId = asked ?? me.spaceId;
    requireSpace(me, spaceId);
    const row = await createTopic(db, spaceId, body, me.id, clock.now());
    return c.json({ topic: toTopic(row) }, 201);
  });

  routes.patch('/:id', async (c) => {
    const id = idParam(c, 'topic');
    const patch = await readJson(c, topicUpdateRequestSchema);
    const row = await updateTopic(db, id, patch, c.get('user'), clock.now());
    return c.json({ topic: toTopic(row) });
  });

  return routes;
}
