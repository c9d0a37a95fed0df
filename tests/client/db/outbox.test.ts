import { describe, expect, it } from 'vitest';
import { applyPushResults } from '#client/db/apply-pull.ts';
import { putParticipant, putSession } from '#client/db/local-writes.ts';
import { getMeta } from '#client/db/meta.ts';
import { resendFrom } from '#client/db/outbox.ts';
import { discardRejected } from '#client/db/rejected-entries.ts';
import { freshDb, newParticipant, newSession } from './fixtures';

/** Three changes pushed and answered (the second refused), not yet pulled. */
async function threeAnswered() {
  const db = freshDb();
  await putSession(db, newSession());
  await putParticipant(db, newParticipant());
  await putParticipant(db, newParticipant());
  await applyPushResults(db, {
    lastMutationId: 3,
    results: [
      { id: 1, status: 'applied' },
      { id: 2, status: 'rejected', error: { code: 'forbidden', message: 'no' } },
      { id: 3, status: 'applied' },
    ],
  });
  return db;
}

describe('resending to a server restored from a backup', () => {
  it("queues again every change after the server's position when it holds them all", async () => {
    const db = await threeAnswered();
    expect(await resendFrom(db, 0)).toBe(true);
    expect((await db.outbox.toArray()).map((e) => [e.id, e.status])).toEqual([
      [1, 'pending'],
      [2, 'pending'],
      [3, 'pending'],
    ]);
    expect(await getMeta(db, 'lastMutationId')).toBe(0);
  });

  it("refuses when a change after the server's position was discarded: the server would stop at the gap", async () => {
    const db = await threeAnswered();
    await discardRejected(db, 2);
    expect(await resendFrom(db, 0)).toBe(false);
    expect((await db.outbox.toArray()).map((e) => e.status)).toEqual(['applied', 'applied']);
  });

  it('refuses when the newest changes are gone: the next new id would leave a gap', async () => {
    const db = freshDb();
    await putSession(db, newSession());
    await putParticipant(db, newParticipant());
    await applyPushResults(db, {
      lastMutationId: 2,
      results: [
        { id: 1, status: 'applied' },
        { id: 2, status: 'rejected', error: { code: 'forbidden', message: 'no' } },
      ],
    });
    await discardRejected(db, 2);
    expect(await resendFrom(db, 0)).toBe(false);
  });
});
