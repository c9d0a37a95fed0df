// An admin's change to reference data (a unit, topic or plan) in one transaction: the row gets the space's next
// version (docs/sync.md §2.6, so devices pull it), and the audit entry names the fields changed.
import { writeAudit } from '../audit';
import type { Db, DbTx } from '../db/database';
import { nextSpaceVersion } from '../db/versions';

export interface ReferenceUpdate<Patch extends object> {
  entity: 'unit' | 'topic' | 'plan';
  id: string;
  spaceId: string;
  patch: Patch;
  actorId: string;
  now: Date;
}

/** Runs `update` (patch plus stamp, returning the row) in the transaction and audits it. */
export function updateReference<Row, Patch extends object>(
  db: Db,
  { entity, id, spaceId, patch, actorId, now }: ReferenceUpdate<Patch>,
  update: (tx: DbTx, set: Patch & { version: number; updatedAt: Date }) => Promise<Row[]>,
): Promise<Row> {
  return db.transaction(async (tx) => {
    const version = await nextSpaceVersion(tx, spaceId);
    const [updated] = await update(tx, { ...patch, version, updatedAt: now });
    await writeAudit(tx, {
      at: now,
      action: `admin.${entity}_update`,
      userId: actorId,
      spaceId,
      entity,
      entityId: id,
      detail: { changed: Object.keys(patch), ...patch },
    });
    return updated!;
  });
}
