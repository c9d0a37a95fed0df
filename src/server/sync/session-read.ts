// GET /api/sync/sessions/:id (a contract extension): one session with its live attendance, the people on it
// and its photos' metadata, as pull changes, for a device that does not hold it (an organiser's working set
// keeps older sessions on the server). Authorised by the same scope filter as the pull: a session outside
// the reader's scope answers not found, exactly like one that does not exist.
import { and, eq } from 'drizzle-orm';
import type { User } from '#domain/schemas/auth';
import type { SessionReadResponse } from '#domain/schemas/sync';
import type { Db } from '../db/database';
import { sessions } from '../db/schema';
import { changeData } from './entity-data';
import { resolveScope, scopeFilter } from './scope';
import { sessionDetails } from './working-set';

export async function readSession(db: Db, user: User, id: string): Promise<SessionReadResponse | null> {
  return db.transaction(
    async (tx) => {
      const scope = await resolveScope(tx, user);
      const [row] = await tx
        .select()
        .from(sessions)
        .where(and(eq(sessions.id, id), eq(sessions.deleted, false), scopeFilter(scope, 'session')));
      if (!row) return null;
      const session = {
        entity: 'session' as const,
        id: row.id,
        version: Number(row.version),
        deleted: false,
        data: changeData('session', row),
      };
      return { changes: [session, ...(await sessionDetails(tx, [row.id]))] };
    },
    { isolationLevel: 'repeatable read', accessMode: 'read only' },
  );
}
