import { renderHook, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { uuidv7 } from 'uuidv7';
import { applyPull, applyPushResults } from '#client/db/apply-pull.ts';
import { closeUserDb, openUserDb } from '#client/db/database.ts';
import { putParticipant, putPhoto, putSession } from '#client/db/local-writes.ts';
import { readOutboxSummary } from '#client/sync/status.ts';
import { useSyncStatus } from '#client/sync/status.ts';
import { freshDb, newParticipant, newSession, pullPage, trainerProfile } from '../db/fixtures';

afterEach(() => closeUserDb());

describe('useSyncStatus', () => {
  it('shows unsent changes by kind and the refused ones that need the trainer', async () => {
    const db = openUserDb(crypto.randomUUID(), trainerProfile);
    const { result } = renderHook(() => useSyncStatus());
    expect(result.current).toMatchObject({ unsentCount: 0, rejected: [], syncing: false, needsSignIn: false });

    await putSession(db, newSession());
    await putParticipant(db, newParticipant());
    await putParticipant(db, newParticipant());
    await waitFor(() => expect(result.current.unsentCount).toBe(3));
    expect(result.current.unsentByKind).toEqual({ session: 1, participant: 2, attendance: 0, photo: 0 });

    await applyPushResults(db, {
      lastMutationId: 1,
      results: [{ id: 1, status: 'rejected', error: { code: 'forbidden', message: 'no' } }],
    });
    await waitFor(() => expect(result.current.rejected).toHaveLength(1));
    expect(result.current.rejected[0]).toMatchObject({ id: 1, name: 'session.put', error: { code: 'forbidden' } });
    expect(result.current.unsentCount).toBe(2);
  });

  it('counts an image still only on the phone as an unsent photo change, once, and lists a refused one', async () => {
    const db = freshDb();
    const session = newSession();
    await putSession(db, session);
    const id = uuidv7();
    const meta = {
      id,
      sessionId: session.id,
      mime: 'image/jpeg' as const,
      bytes: 2,
      sha256: 'a'.repeat(64),
      width: 1,
      height: 1,
    };
    await putPhoto(db, meta, new Uint8Array([1, 2]).buffer);
    // The photo's metadata and its image wait together: one change.
    expect(await readOutboxSummary(db)).toMatchObject({ unsentCount: 2, unsentByKind: { session: 1, photo: 1 } });

    // The metadata reached the server; the image has not been uploaded yet.
    await applyPushResults(db, {
      lastMutationId: 2,
      results: [
        { id: 1, status: 'applied' },
        { id: 2, status: 'applied' },
      ],
    });
    await applyPull(
      db,
      pullPage(
        [
          {
            entity: 'photo',
            id,
            version: 1,
            deleted: false,
            data: { ...meta, createdAt: '2026-03-02T08:00:00.000Z', updatedAt: '2026-03-02T08:00:00.000Z' },
          },
        ],
        { lastMutationId: 2 },
      ),
    );
    expect(await db.outbox.count()).toBe(0);
    expect(await readOutboxSummary(db)).toMatchObject({
      unsentCount: 1,
      unsentByKind: { session: 0, photo: 1 },
      refusedImages: [],
    });

    await db.photoBlobs.update(id, { error: 'too_large' });
    expect(await readOutboxSummary(db)).toMatchObject({ unsentCount: 0, refusedImages: [{ id, error: 'too_large' }] });

    await db.photoBlobs.update(id, { uploaded: true, error: undefined });
    expect(await readOutboxSummary(db)).toMatchObject({ unsentCount: 0, refusedImages: [] });
  });
});
