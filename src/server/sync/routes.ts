// /api/sync: push and pull (docs/sync.md), and reading one session on demand (an extension). Bodies may be gzip-compressed (readJson); answers are compressed by
// the app's middleware when the client accepts it. More than 500 mutations is 413 `too_large`, like 2 MB.
import { Hono } from 'hono';
import { z } from 'zod';
import { fieldErrorsFrom } from '#domain/schemas/error';
import { MAX_MUTATIONS_PER_PUSH, pullRequestSchema, pushRequestSchema } from '#domain/schemas/sync';
import { requireUser } from '../auth/require-user';
import type { AppDeps, AppEnv } from '../http/app-env';
import { HttpError } from '../http/errors';
import { readJson } from '../http/json-body';
import { idSchema } from '#domain/schemas/common';
import { pullChanges } from './pull';
import { applyPush } from './push';
import { readSession } from './session-read';

/**
 * A device names the user whose database it syncs. If the cookie belongs to someone else (another person
 * signed in on a shared phone), nothing is bound, applied or read: the device must sign in as its owner.
 */
function refuseOtherUser(deviceUserId: string | undefined, cookieUserId: string): void {
  if (deviceUserId !== undefined && deviceUserId !== cookieUserId) {
    throw new HttpError(403, 'forbidden', 'This device syncs the data of another user: sign in as that user');
  }
}

export function createSyncRoutes({ db, clock }: AppDeps): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();

  routes.post('/push', requireUser(), async (c) => {
    const body = await readJson(c, z.unknown());
    const mutations = (body as { mutations?: unknown } | null)?.mutations;
    if (Array.isArray(mutations) && mutations.length > MAX_MUTATIONS_PER_PUSH) {
      throw new HttpError(413, 'too_large', `At most ${MAX_MUTATIONS_PER_PUSH} mutations per push`);
    }
    const parsed = pushRequestSchema.safeParse(body);
    if (!parsed.success) throw new HttpError(400, 'invalid', 'The request is not valid', fieldErrorsFrom(parsed.error));
    refuseOtherUser(parsed.data.userId, c.get('user').id);
    return c.json(await applyPush(db, c.get('user'), parsed.data, clock.now()));
  });

  routes.post('/pull', requireUser(), async (c) => {
    const request = await readJson(c, pullRequestSchema);
    refuseOtherUser(request.userId, c.get('user').id);
    return c.json(await pullChanges(db, c.get('user'), request, clock.now()));
  });

  // Extension: one session the device does not hold (an organiser's working set), read on demand.
  routes.get('/sessions/:id', requireUser(), async (c) => {
    const id = idSchema.safeParse(c.req.param('id'));
    const found = id.success ? await readSession(db, c.get('user'), id.data.toLowerCase()) : null;
    if (!found) throw new HttpError(404, 'not_found', 'No such session in your scope');
    return c.json(found);
  });

  return routes;
}
