// The roster's actions as stable callbacks: add from the search, remove (with the last removal kept
// for undo), toggle a day, each one local write. Callbacks read the latest rows through a ref, so
// they never change identity and memoised rows do not re-render when another row changes.
// A failed write becomes `failureKey` (a translated sentence's key); successes are announced.
import { useCallback, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Attendance } from '#domain/schemas/attendance';
import { getUserDb } from '#client/db/database.ts';
import type { LocalParticipant } from '#client/db/local-rows.ts';
import { saveErrorKey } from '#client/ui/participant-form/save-error.ts';
import { addToRoster, removeFromRoster, restoreToRoster, setDays, toggledDays } from './roster-actions';
import type { RosterEntry } from './use-roster';

export interface Removed {
  attendance: Attendance;
  name: string;
}

export function useRosterCommands(sessionId: string, entries: readonly RosterEntry[] | undefined, dayCount: number) {
  const { t } = useTranslation('attendance');
  const [removed, setRemoved] = useState<Removed | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const [failureKey, setFailureKey] = useState<string | null>(null);
  const latest = useRef({ entries: entries ?? [], dayCount });
  latest.current = { entries: entries ?? [], dayCount };
  const adding = useRef(new Set<string>());

  const run = useCallback(async (write: () => Promise<unknown>, success?: string) => {
    setFailureKey(null);
    try {
      await write();
      if (success) setAnnouncement(success);
    } catch (error) {
      setFailureKey(saveErrorKey(error));
    }
  }, []);

  const find = (attendanceId: string) => latest.current.entries.find((e) => e.attendance.id === attendanceId);

  const add = useCallback(
    (person: LocalParticipant) => {
      if (adding.current.has(person.id)) return; // a double tap adds once
      adding.current.add(person.id);
      void run(
        () => addToRoster(getUserDb(), sessionId, person.id),
        t('roster.added', { name: person.fullName }),
      ).finally(() => adding.current.delete(person.id));
    },
    [sessionId, run, t],
  );

  const remove = useCallback(
    (attendanceId: string) => {
      const entry = find(attendanceId);
      if (!entry) return;
      const name = entry.participant?.fullName ?? t('roster.unknownPerson');
      void run(async () => {
        await removeFromRoster(getUserDb(), attendanceId);
        setRemoved({ attendance: entry.attendance, name });
      });
    },
    [run, t],
  );

  const toggleDay = useCallback(
    (attendanceId: string, day: number) => {
      const entry = find(attendanceId);
      if (!entry) return;
      const days = toggledDays(entry.attendance.days, day, latest.current.dayCount);
      if (days !== undefined) void run(() => setDays(getUserDb(), entry.attendance, days));
    },
    [run],
  );

  const undo = useCallback(() => {
    if (!removed) return;
    setRemoved(null);
    void run(() => restoreToRoster(getUserDb(), removed.attendance), t('roster.added', { name: removed.name }));
  }, [removed, run, t]);

  const dismissUndo = useCallback(() => setRemoved(null), []);

  return { add, remove, toggleDay, undo, dismissUndo, removed, announcement, announce: setAnnouncement, failureKey };
}
