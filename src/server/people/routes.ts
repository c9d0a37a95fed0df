// /api/people (issue 13, a contract extension): likely duplicates within the reader's subtree, merging
// registrations of one person, and undoing a merge. Organisers (their subtree) and admins; a merge or undo
// runs in one transaction that stamps every row it writes with the space's next version, so devices follow
// it on their next pull. The same merge and undo are the synced person.merge / person.unmerge, which a push
// applies with the same functions (people-mutations.ts); the organiser's screen sends those.
import { Hono } from 'hono';
import type { User } from '#domain/schemas/auth';
import { duplicatesQuerySchema, mergeRequestSchema } from '#domain/schemas/people';
import { idSchema } from '#domain/schemas/common';
import { writeAudit } from '../audit';
import { requireUser } from '../auth/require-user';
import type { Db, DbTx } from '../db/database';
import type { AppDeps, AppEnv } from '../http/app-env';
import { HttpError } from '../http/errors';
import { readJson } from '../http/json-body';
import { readQuery } from '../reports/read-query';
import { resolveReportScope } from '../reports/unit-scope';
import { VersionStamps } from '../sync/version-stamps';
import { findDuplicates } from './find-duplicates';
import { mergePeople, type PeopleWriteContext } from './merge-people';
import { PeopleRefusal } from './people-refusal';
import { loadRecentMerges } from './recent-merges';
import { undoMerge } from './undo-merge';

export function createPeopleRoutes({ db, clock }: AppDeps): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();
  routes.use(requireUser('organiser', 'admin'));

  routes.get('/duplicates', async (c) => {
    const query = readQuery(c, duplicatesQuerySchema);
    const user = c.get('user');
    const scope = await resolveReportScope(db, user, query.unitId);
    const found = await findDuplicates(db, scope, query.limit);
    // A list of named people with their ethnicity: audited like the other named views.
    await writeAudit(db, {
      at: clock.now(),
      action: 'people.duplicates',
      userId: user.id,
      spaceId: user.spaceId,
      entity: 'participant',
      detail: { unitId: query.unitId ?? null, groups: found.groups.length },
    });
    return c.json(found);
  });

  routes.get('/merges', async (c) => {
    const scope = await resolveReportScope(db, c.get('user'), undefined);
    return c.json({ merges: await loadRecentMerges(db, scope) });
  });

  routes.post('/merges', async (c) => {
    const request = await readJson(c, mergeRequestSchema);
    const merge = await inWriteTransaction(db, c.get('user'), clock.now(), (ctx) => mergePeople(ctx, request));
    return c.json({ merge }, 201);
  });

  routes.post('/merges/:id/undo', async (c) => {
    const id = idSchema.safeParse(c.req.param('id'));
    if (!id.success) throw new HttpError(404, 'not_found', 'No such merge');
    const merge = await inWriteTransaction(db, c.get('user'), clock.now(), (ctx) => undoMerge(ctx, id.data));
    return c.json({ merge });
  });

  return routes;
}

async function inWriteTransaction<T>(
  db: Db,
  user: User,
  now: Date,
  work: (ctx: PeopleWriteContext) => Promise<T>,
): Promise<T> {
  try {
    return await db.transaction((tx: DbTx) => {
      const stamps = new VersionStamps();
      return work({ tx, user, now, versionFor: (spaceId) => stamps.for(tx, spaceId) });
    });
  } catch (error) {
    if (error instanceof PeopleRefusal) throw new HttpError(error.status, error.code, error.message, error.fields);
    throw error;
  }
}
