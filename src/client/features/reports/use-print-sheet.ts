// Loads a printable sheet: the local database first (works offline, live), the server when the
// session is not on this device. Also the province's name, for the place in the date line.
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import { getUserDb } from '#client/db/database.ts';
import { errorMessageKey } from '#client/ui/error-message.ts';
import { ApiRequestError } from '#client/sync/api.ts';
import { fetchSheet, loadLocalSheet, type PrintSheet } from './print-sheet-data';

export type PrintSheetState =
  | { status: 'loading' }
  | { status: 'ready'; sheet: PrintSheet }
  | { status: 'not-found' }
  | { status: 'error'; errorKey: string };

type Remote = { id: string; state: PrintSheetState };

export function usePrintSheet(id: string): PrintSheetState {
  const local = useLiveQuery(() => loadLocalSheet(getUserDb(), id), [id]);
  const [remote, setRemote] = useState<Remote | null>(null);

  useEffect(() => {
    if (local !== null) return;
    const controller = new AbortController();
    fetchSheet(getUserDb(), id, controller.signal).then(
      (sheet) => setRemote({ id, state: { status: 'ready', sheet } }),
      (error: unknown) => {
        if (controller.signal.aborted) return;
        const notFound = error instanceof ApiRequestError && error.status === 404;
        setRemote({
          id,
          state: notFound ? { status: 'not-found' } : { status: 'error', errorKey: errorMessageKey(error) },
        });
      },
    );
    return () => controller.abort();
  }, [local, id]);

  if (local) return { status: 'ready', sheet: local };
  if (local === null && remote?.id === id) return remote.state;
  return { status: 'loading' };
}

/** The province's short name ("Nghệ An"), loaded with the bundled administrative units on demand. */
export function useProvinceName(code: string | undefined): string | undefined {
  const [name, setName] = useState<{ code: string; name: string | undefined }>();
  useEffect(() => {
    if (!code) return;
    let cancelled = false;
    void import('#domain/reference/admin-units').then(({ provinceByCode }) => {
      if (!cancelled) setName({ code, name: provinceByCode(code)?.name });
    });
    return () => {
      cancelled = true;
    };
  }, [code]);
  return name && name.code === code ? name.name : undefined;
}
