// A session an organiser's device does not hold in full (its working set keeps older sessions on the
// server): read from the server when online, joined with this device's units, topics and users. Offline
// (or when the request cannot get through) the answer is `offline`, and the page says it needs a connection.
import { useEffect, useState } from 'react';
import type { Change } from '#domain/schemas/sync';
import { getUserDb } from '#client/db/database.ts';
import type { LocalAttendance, LocalParticipant, LocalPhoto, LocalSession } from '#client/db/local-rows.ts';
import { ApiRequestError } from '#client/sync/api.ts';
import { fetchSession } from '#client/sync/session-read.ts';
import { joinReviewSession, type ReviewSessionData } from './use-review-session';

export type RemoteSession =
  { state: 'idle' | 'loading' | 'offline' | 'not-found' } | { state: 'loaded'; data: ReviewSessionData };

function rowOf<T>(change: Change): T {
  return { ...change.data, id: change.id, version: change.version, pending: false, rejected: false } as T;
}

async function toReviewData(changes: Change[]): Promise<ReviewSessionData | null> {
  const [first] = changes;
  if (!first || first.entity !== 'session' || !first.data) return null;
  const of = <T>(entity: Change['entity']) =>
    changes.filter((c) => c.entity === entity && c.data).map((c) => rowOf<T>(c));
  const people = new Map(of<LocalParticipant>('participant').map((p) => [p.id, p]));
  const attendance = of<LocalAttendance>('attendance');
  const photos = of<LocalPhoto>('photo').sort((a, b) => a.id.localeCompare(b.id));
  return joinReviewSession(
    getUserDb(),
    rowOf<LocalSession>(first),
    attendance,
    attendance.map((a) => people.get(a.participantId)),
    photos,
  );
}

/** Reads the session from the server while `wanted`; `idle` otherwise. */
export function useRemoteSession(id: string, wanted: boolean): RemoteSession {
  const [remote, setRemote] = useState<RemoteSession>({ state: 'idle' });
  const [online, setOnline] = useState(() => navigator.onLine);
  useEffect(() => {
    const update = () => setOnline(navigator.onLine);
    window.addEventListener('online', update);
    window.addEventListener('offline', update);
    return () => {
      window.removeEventListener('online', update);
      window.removeEventListener('offline', update);
    };
  }, []);
  useEffect(() => {
    if (!wanted) {
      setRemote({ state: 'idle' });
      return;
    }
    if (!online) {
      setRemote({ state: 'offline' });
      return;
    }
    const controller = new AbortController();
    setRemote({ state: 'loading' });
    fetchSession(id, controller.signal)
      .then(toReviewData)
      .then((data) => setRemote(data ? { state: 'loaded', data } : { state: 'not-found' }))
      .catch((error: unknown) => {
        if (controller.signal.aborted) return;
        setRemote({ state: error instanceof ApiRequestError && error.status === 404 ? 'not-found' : 'offline' });
      });
    return () => controller.abort();
  }, [id, wanted, online]);
  return remote;
}
