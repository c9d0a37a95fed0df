// Diacritic-free participant search over a unit's registry: "nguyen thi" finds "Nguyễn Thị", and
// phone digits match however they were typed. The folded key is stored with each row, so a search
// over 500 people folds only the query.
import { searchKey, searchTokens } from '#domain/rules/normalise';
import type { Participant } from '#domain/schemas/participant';
import type { LogbookDb } from './database';
import type { LocalParticipant } from './local-rows';

/** The stored match form of a participant: folded name, then the phone's digits. */
export function participantSearchKey(p: Pick<Participant, 'fullName' | 'phone'>): string {
  const digits = p.phone?.replace(/\D/g, '') ?? '';
  return digits ? `${searchKey(p.fullName)} ${digits}` : searchKey(p.fullName);
}

/** Whether every token of the query occurs in the participant's key. */
export function participantMatcher(query: string): (p: LocalParticipant) => boolean {
  const tokens = searchTokens(query);
  return (p) => tokens.every((token) => p.searchKey.includes(token));
}

/** The unit's participants matching `query` (all of them for an empty query), in name order. */
export async function searchParticipants(
  db: LogbookDb,
  unitId: string,
  query: string,
  limit = Infinity,
): Promise<LocalParticipant[]> {
  const matches = participantMatcher(query);
  const found = await db.participants.where('unitId').equals(unitId).filter(matches).toArray();
  found.sort((a, b) => a.searchKey.localeCompare(b.searchKey));
  return found.slice(0, limit);
}
