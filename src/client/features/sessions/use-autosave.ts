// Saving as the trainer types: every change to the form is written with putSession — the local
// write IS the save, there is no draft copy elsewhere. A change is written as soon as the write
// before it has finished (one write in flight; changes made meanwhile go together in the next), so
// what is typed is on disk within one write's time (~10–70 ms in Chromium).
// Why not wait for a pause in typing: a closed tab or a crash cannot finish an IndexedDB
// transaction started in `pagehide` (measured in Chromium: a 300 ms pause lost the last field
// typed before the tab was closed). Puts of one record fold into one outbox entry, so writing often
// costs no extra mutations. Only changed, valid fields are sent. Under it, a synchronous journal
// (typing-journal.ts) keeps what is not yet written, for the few milliseconds a crash could take.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { UseFormReturn } from 'react-hook-form';
import { hasUnsavableChanges, savablePatch, type SessionFormValues, type SessionPatch } from './session-form-schema';
import type { TypingJournal } from './typing-journal';

export type SaveState = 'saved' | 'saving' | 'invalid' | 'failed';

export interface Autosave {
  state: SaveState;
  /** The last write's failure (a MutationError or a storage error), until a write succeeds. */
  error: unknown;
  /** Writes pending changes now; resolves when they are stored (or have failed). */
  flush: () => Promise<void>;
  /** Stops saving for good (before deleting the record). */
  stop: () => void;
  /** Whether a field at fault holds a value that differs from what is stored (what a submission would not carry). */
  unsaved: () => boolean;
}

export function useAutosave(
  form: UseFormReturn<SessionFormValues>,
  write: (patch: SessionPatch) => Promise<unknown>,
  journal: TypingJournal,
  options: { readOnly: boolean },
): Autosave {
  const [state, setState] = useState<SaveState>('saved');
  const [error, setError] = useState<unknown>(null);
  const saved = useRef<SessionFormValues>(structuredClone(form.getValues()));
  const queue = useRef<Promise<void>>(Promise.resolve());
  const queued = useRef(false);
  const stopped = useRef(false);
  const writeRef = useRef(write);
  writeRef.current = write;

  const saveNow = useCallback(async () => {
    queued.current = false;
    if (stopped.current) return;
    const values = form.getValues();
    const patch = savablePatch(values, saved.current);
    if (Object.keys(patch).length > 0) {
      try {
        await writeRef.current(patch);
        saved.current = { ...saved.current, ...patch };
        setError(null);
      } catch (failure) {
        setError(failure);
        setState('failed');
        return;
      }
    }
    if (!queued.current) {
      journal.record(savablePatch(form.getValues(), saved.current));
      setState(hasUnsavableChanges(form.getValues(), saved.current) ? 'invalid' : 'saved');
    }
  }, [form, journal]);

  /** Queues one save after the current one; a save already waiting will pick up the newest values. */
  const flush = useCallback(() => {
    if (!queued.current) {
      queued.current = true;
      queue.current = queue.current.then(saveNow);
    }
    return queue.current;
  }, [saveNow]);

  useEffect(() => {
    const subscription = form.watch(() => {
      if (stopped.current) return;
      journal.record(savablePatch(form.getValues(), saved.current));
      void form.trigger(); // revalidate every field, so cross-field rules show at once
      setState('saving');
      void flush();
    });
    // Belt and braces: the page going to the background or away writes anything still queued.
    const onHidden = () => {
      if (document.visibilityState === 'hidden') void flush();
    };
    const onPageHide = () => void flush();
    document.addEventListener('visibilitychange', onHidden);
    window.addEventListener('pagehide', onPageHide);
    return () => {
      subscription.unsubscribe();
      document.removeEventListener('visibilitychange', onHidden);
      window.removeEventListener('pagehide', onPageHide);
    };
  }, [form, flush, journal]);

  // Replay what a closed tab or a crash left in the journal: setting the fields saves them as typing would.
  const readOnly = options.readOnly;
  useEffect(() => {
    const left = journal.read();
    if (!left) return;
    if (readOnly) {
      journal.clear();
      return;
    }
    for (const [field, value] of Object.entries(left)) {
      form.setValue(field as keyof SessionFormValues, value, { shouldDirty: true });
    }
  }, [form, journal, readOnly]);

  const stop = useCallback(() => {
    stopped.current = true;
    journal.clear();
  }, [journal]);

  const unsaved = useCallback(() => hasUnsavableChanges(form.getValues(), saved.current), [form]);

  return { state, error, flush, stop, unsaved };
}
