import { renderHook, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { applyPushResults } from '../../../src/client/db/apply-pull';
import { closeUserDb, openUserDb } from '../../../src/client/db/database';
import { putParticipant, putSession } from '../../../src/client/db/local-writes';
import { useSyncStatus } from '../../../src/client/sync/status';
import { newParticipant, newSession } from '../db/fixtures';

afterEach(() => closeUserDb());

describe('useSyncStatus', () => {
  it('shows unsent changes by kind and the refused ones that need the trainer', async () => {
    const db = openUserDb(crypto.randomUUID());
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
});
