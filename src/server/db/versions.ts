// The space's version counter (docs/sync.md). Incrementing it takes the space row's lock until the caller's
// transaction ends, so writers of one space serialise and version order equals commit order.
import { eq, sql } from 'drizzle-orm';
import type { DbExecutor } from './database';
import { spaces } from './schema';

/** Call inside the writing transaction, with its handle; every row that transaction writes gets the result. */
export async function nextSpaceVersion(tx: DbExecutor, spaceId: string): Promise<number> {
  const [row] = await tx
    .update(spaces)
    .set({ version: sql`${spaces.version} + 1` })
    .where(eq(spaces.id, spaceId))
    .returning({ version: spaces.version });
  if (!row) throw new Error(`Unknown space ${spaceId}`);
  return row.version;
}
