// What a refused change is about, for the needs-attention list: the record named the way the trainer
// knows it ("Buổi: Tập huấn Luật Bình đẳng giới – 12/11/2026", a participant's name), the kind of
// change, where to fix it, and what discarding it loses.
import type { TFunction } from 'i18next';
import type { Role } from '#domain/schemas/auth';
import { formatDate } from '#client/ui/format.ts';
import type { RefusedChange } from './use-attention';

const text = (value: unknown): string => (typeof value === 'string' ? value.trim() : '');

/** "Buổi: <title> – <date>", or what is known of it. */
export function sessionLabel(t: TFunction, session: { readonly [field: string]: unknown } | undefined): string {
  const title = text(session?.title);
  const start = text(session?.startDate);
  const date = start ? formatDate(start) : '';
  if (title && date) return t('what.session', { ns: 'sync', title, date });
  if (title) return t('what.sessionTitle', { ns: 'sync', title });
  if (date) return t('what.sessionUntitled', { ns: 'sync', date });
  return t('what.sessionUnknown', { ns: 'sync' });
}

export function participantName(change: RefusedChange): string {
  return text(change.participant?.fullName);
}

/** The headline: which record this is. */
export function changeSubject(t: TFunction, change: RefusedChange): string {
  const { entry, record } = change;
  switch (entry.entity) {
    case 'participant':
      return participantName(change)
        ? t('what.participant', { ns: 'sync', name: participantName(change) })
        : t('what.participantUnknown', { ns: 'sync' });
    case 'attendance':
      return participantName(change)
        ? t('what.attendance', { ns: 'sync', name: participantName(change) })
        : t('what.attendanceUnknown', { ns: 'sync' });
    case 'photo':
      return text(record.caption)
        ? t('what.photo', { ns: 'sync', caption: text(record.caption) })
        : t('what.photoUntitled', { ns: 'sync' });
    default:
      return sessionLabel(t, change.session);
  }
}

/** A second line for records that belong to a session: which session. */
export function changeContext(t: TFunction, change: RefusedChange): string | null {
  const { entity } = change.entry;
  return entity === 'attendance' || entity === 'photo' ? sessionLabel(t, change.session) : null;
}

/** The kind of change: "Tạo mới", "Sửa", "Gửi duyệt", "Xoá", "Duyệt / trả lại". */
export function changeKind(t: TFunction, change: RefusedChange): string {
  const verb = change.entry.name.slice(change.entry.name.indexOf('.') + 1);
  if (verb === 'put') return t(change.isNew ? 'kind.create' : 'kind.edit', { ns: 'sync' });
  return t(`kind.${verb}`, { ns: 'sync' });
}

/** The screen where the record is fixed, or null when there is nothing on the device to open. */
export function fixPath(change: RefusedChange, role: Role): string | null {
  const { entry, record, onDevice } = change;
  const sessionId = text(record.sessionId);
  // A merge of people, or its undo, is decided and shown on the duplicates screen.
  if (entry.name.startsWith('person.')) return '/people/duplicates';
  switch (entry.entity) {
    case 'session':
      if (!onDevice) return null;
      return entry.name === 'session.review' || role !== 'trainer'
        ? `/review/${entry.entityId}`
        : `/sessions/${entry.entityId}`;
    case 'participant':
      return onDevice ? `/participants/${entry.entityId}` : null;
    case 'attendance':
      return sessionId && change.session ? `/sessions/${sessionId}/roster` : null;
    case 'photo':
      return sessionId && change.session ? `/sessions/${sessionId}/photos` : null;
    default:
      return null;
  }
}

/** What discarding loses, said before the trainer confirms. */
export function discardConsequence(t: TFunction, change: RefusedChange): string {
  const verb = change.entry.name.slice(change.entry.name.indexOf('.') + 1);
  if (verb === 'put') return t(change.isNew ? 'discard.create' : 'discard.edit', { ns: 'sync' });
  return t(`discard.${verb}`, { ns: 'sync' });
}
