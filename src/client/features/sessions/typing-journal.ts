// A synchronous safety net under autosave. An IndexedDB write takes 10–70 ms and cannot be finished
// once a tab is closed or crashes, so the fields not yet written are also kept in localStorage, which
// the browser takes synchronously. The editor replays them the next time it opens the session; once
// the database holds them the entry is removed. Nothing else reads it: IndexedDB stays the record.
import type { SessionPatch } from './session-form-schema';

export interface TypingJournal {
  read: () => SessionPatch | null;
  record: (patch: SessionPatch) => void;
  clear: () => void;
}

export function sessionTypingJournal(userId: string, sessionId: string): TypingJournal {
  const key = `tlb.typing.${userId}.${sessionId}`;
  return {
    read() {
      try {
        const text = localStorage.getItem(key);
        return text ? (JSON.parse(text) as SessionPatch) : null;
      } catch {
        return null;
      }
    },
    record(patch) {
      try {
        if (Object.keys(patch).length === 0) localStorage.removeItem(key);
        else localStorage.setItem(key, JSON.stringify(patch));
      } catch {
        // Storage full or blocked: autosave still writes to IndexedDB; the journal is only a net.
      }
    },
    clear() {
      try {
        localStorage.removeItem(key);
      } catch {
        // as above
      }
    },
  };
}
