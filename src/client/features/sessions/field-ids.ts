// Element ids of the editor's fields, so the submit checklist can move focus to what is missing.
import type { MissingItem } from '#domain/rules/completeness';
import type { AttendanceMode } from '#domain/schemas/session';

export const fieldIds = {
  format: 'session-format',
  title: 'session-title',
  startDate: 'session-start-date',
  endDate: 'session-end-date',
  province: 'session-province',
  commune: 'session-commune',
  placeName: 'session-place',
  topics: 'session-topics',
  rosterLink: 'session-roster-link',
  headcountTotal: 'session-headcount-total',
  headcountWomen: 'session-headcount-women',
  headcountEthnicMinority: 'session-headcount-ethnic-minority',
  planned: 'session-planned',
  notes: 'session-notes',
} as const;

export function fieldIdOf(item: MissingItem, mode: AttendanceMode): string {
  switch (item) {
    case 'title':
      return fieldIds.title;
    case 'topics':
      return fieldIds.topics;
    case 'place':
      return fieldIds.placeName;
    case 'dates':
      return fieldIds.endDate;
    case 'attendance':
      return mode === 'headcount' ? fieldIds.headcountTotal : fieldIds.rosterLink;
  }
}

/** Moves focus to the editor's first field showing an error (aria-invalid), if any. */
export function focusFirstInvalidField(): void {
  const field = document.querySelector<HTMLElement>('.session-form [aria-invalid="true"]');
  if (field?.id) focusField(field.id);
}

/** Scrolls to the field and focuses it (a group: its first input). */
export function focusField(id: string): void {
  const element = document.getElementById(id);
  if (!element) return;
  const target = element.matches('input, select, textarea, a, button')
    ? element
    : (element.querySelector<HTMLElement>('input, select, textarea, a, button') ?? element);
  target.scrollIntoView?.({ block: 'center', behavior: 'smooth' });
  target.focus({ preventScroll: true });
}
