// Why the server refused a change, in plain words: the error code and its fields become sentences
// from the sync namespace where a more specific one exists (what is missing, which field is wrong),
// a refused merge of people as the duplicates page says it, else the common sentence for the code. Never the
// server's English developer message.
import type { TFunction } from 'i18next';
import { errorCodes, type ApiError } from '#domain/schemas/error';
import { intlLocale } from '#client/ui/format.ts';
import { mergeRefusalKey } from '#client/ui/merge-refusal.ts';

const knownCodes: ReadonlySet<string> = new Set(errorCodes);
const missingItems = new Set(['title', 'topics', 'place', 'attendance', 'dates']);
/** Field problems with a sentence of their own (zod refinements of the domain schemas). */
const fieldProblems = new Set([
  'women_over_total',
  'ethnic_minority_over_total',
  'end_before_start',
  'comment_required',
  'immutable',
]);

export function joinList(items: readonly string[]): string {
  return new Intl.ListFormat(intlLocale(), { type: 'conjunction' }).format(items);
}

/** The locale key of a field path: `headcount.women` → `fields.headcount_women`; list indexes dropped. */
export function fieldKey(path: string): string {
  return `fields.${path
    .split('.')
    .filter((part) => !/^\d+$/.test(part))
    .join('_')}`;
}

/** The field's name, else its parent's (`consent.method` → "Sự đồng ý"), else '' (not shown). */
function fieldName(t: TFunction, path: string): string {
  return translatedOrEmpty(t, fieldKey(path)) || translatedOrEmpty(t, fieldKey(path.split('.')[0] ?? ''));
}

/** i18next answers the key itself for an empty default, so a missing name is told by a sentinel instead. */
function translatedOrEmpty(t: TFunction, key: string): string {
  const missing = '\u0000';
  const value = t(key, { ns: 'sync', defaultValue: missing });
  return value === missing ? '' : value;
}

function invalidReason(t: TFunction, fields: Record<string, string>): string {
  const sentences: string[] = [];
  const names: string[] = [];
  for (const [path, problem] of Object.entries(fields)) {
    if (fieldProblems.has(problem)) {
      sentences.push(t(`problems.${problem}`, { ns: 'sync', field: fieldName(t, path) || path }));
      continue;
    }
    const name = fieldName(t, path);
    if (name && !names.includes(name)) names.push(name);
  }
  if (names.length > 0) sentences.unshift(t('reasons.invalid', { ns: 'sync', fields: joinList(names) }));
  return sentences.length > 0 ? sentences.join(' ') : t('common:errors.invalid');
}

export interface ReasonContext {
  /** The participant's name, for a duplicate in a roster. */
  participantName?: string;
}

export function rejectionReason(t: TFunction, error: ApiError | undefined, context: ReasonContext = {}): string {
  const code = error?.code ?? 'unknown';
  const fields = error?.fields ?? {};
  const mergeKey = mergeRefusalKey({ code, fields });
  if (mergeKey) return t(mergeKey);
  switch (code) {
    case 'session_locked':
    case 'forbidden':
      return t(`reasons.${code}`, { ns: 'sync' });
    case 'duplicate_attendance':
      return context.participantName
        ? t('reasons.duplicate_attendance', { ns: 'sync', name: context.participantName })
        : t('common:errors.duplicate_attendance');
    case 'incomplete': {
      const missing = Object.keys(fields).filter((item) => missingItems.has(item));
      if (missing.length === 0) return t('common:errors.incomplete');
      return t('reasons.incomplete', {
        ns: 'sync',
        items: joinList(missing.map((item) => t(`missing.${item}`, { ns: 'sync' }))),
      });
    }
    case 'invalid':
      return invalidReason(t, fields);
    default:
      return knownCodes.has(code) ? t(`common:errors.${code}`) : t('common:errors.unknown');
  }
}

const imageRefusals = new Set(['checksum_mismatch', 'too_large', 'invalid']);

/** Why the server refused a photo's image, and what to do about it. */
export function imageRefusalReason(t: TFunction, code: string): string {
  return t(`image.reasons.${imageRefusals.has(code) ? code : 'other'}`, { ns: 'sync' });
}

/** The sentence for the last sync run's error code (`network_error` when the server was not reached). */
export function syncErrorSentence(t: TFunction, code: string): string {
  if (code === 'network_error') return t('common:errors.network');
  return knownCodes.has(code) ? t(`common:errors.${code}`) : t('common:errors.unknown');
}
