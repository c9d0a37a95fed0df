// sync_clients: a clientId is bound to the user who first presents it; anyone else presenting it gets 403.
import { eq } from 'drizzle-orm';
import type { DbExecutor } from '../db/database';
import { syncClients } from '../db/schema';
import { HttpError } from '../http/errors';

const notYours = () => new HttpError(403, 'forbidden', 'This client id belongs to another user');

/**
 * Binds the client on first sight and locks its row until the transaction ends, so two pushes of one client
 * run one after the other. Returns the last mutation id applied for it.
 */
export async function lockClient(tx: DbExecutor, clientId: string, userId: string, now: Date): Promise<number> {
  await tx.insert(syncClients).values({ clientId, userId, createdAt: now, updatedAt: now }).onConflictDoNothing();
  const [client] = await tx.select().from(syncClients).where(eq(syncClients.clientId, clientId)).for('update');
  if (!client || client.userId !== userId) throw notYours();
  return client.lastMutationId;
}

/** The client's last applied mutation id, 0 for a client never seen (reading does not bind it). */
export async function readLastMutationId(db: DbExecutor, clientId: string, userId: string): Promise<number> {
  const [client] = await db.select().from(syncClients).where(eq(syncClients.clientId, clientId));
  if (!client) return 0;
  if (client.userId !== userId) throw notYours();
  return client.lastMutationId;
}
