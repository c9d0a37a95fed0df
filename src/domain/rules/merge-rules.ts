// What a merge of several registrations of one person keeps (issue 13). Pure, so a device and the server
// decide alike: the days of two attendance rows of one session joined, the earliest consent, and the
// ethnicity the kept record may carry without showing anyone an answer they could not already see.
import type { Consent, EthnicityCode } from '../schemas/participant';

/** Days attended, joined; null (every day) absorbs any list. */
export function joinDays(a: readonly number[] | null, b: readonly number[] | null): number[] | null {
  if (a === null || b === null) return null;
  return [...new Set([...a, ...b])].sort((x, y) => x - y);
}

/** The consent given first; on the same day, the kept record's (listed first). */
export function earliestConsent(consents: readonly Consent[]): Consent {
  const [first, ...rest] = consents;
  if (!first) throw new Error('earliestConsent needs at least one consent');
  return rest.reduce((earliest, consent) => (consent.at < earliest.at ? consent : earliest), first);
}

export interface EthnicityRecord {
  unitId: string;
  ethnicity: EthnicityCode | null;
}

export type MergedEthnicity = { ok: true; ethnicity: EthnicityCode | null } | { ok: false };

/**
 * Ethnicity is sensitive (domain README). Records of one unit have the same readers, so a kept record with
 * no answer may take the others' one answer. Records of different units have different readers (each unit's
 * trainers): after the merge the trainers of every unit see the kept record, so it may only carry an answer
 * every record already carried — when the answers differ (a missing one included) the merge is refused until
 * a trainer corrects a record.
 */
export function mergedEthnicity(kept: EthnicityRecord, merged: readonly EthnicityRecord[]): MergedEthnicity {
  const all = [kept, ...merged];
  if (all.every((r) => r.unitId.toLowerCase() === kept.unitId.toLowerCase())) {
    const answers = new Set(merged.map((r) => r.ethnicity).filter((e) => e !== null));
    if (kept.ethnicity !== null || answers.size !== 1) return { ok: true, ethnicity: kept.ethnicity };
    return { ok: true, ethnicity: [...answers][0] ?? null };
  }
  return all.every((r) => r.ethnicity === kept.ethnicity) ? { ok: true, ethnicity: kept.ethnicity } : { ok: false };
}
