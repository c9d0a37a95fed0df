// Reads one session the device does not hold from the server (GET /api/sync/sessions/:id, an extension):
// an organiser's device keeps a working set, so older sessions open from the server when online.
import { sessionReadResponseSchema, type Change } from '#domain/schemas/sync';
import { apiFetch } from './api';

/** The session's changes (session first, then attendance, photos and people); throws NetworkError offline. */
export async function fetchSession(id: string, signal?: AbortSignal): Promise<Change[]> {
  const { changes } = await apiFetch(`/api/sync/sessions/${encodeURIComponent(id)}`, {
    schema: sessionReadResponseSchema,
    signal,
  });
  return changes;
}
