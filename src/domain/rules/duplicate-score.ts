// How likely two registrations are one person (issue 13), from what the two records share. The same folded
// name with the same birth year or phone is strong; a name variant (same first and last word) is weaker; a
// phone alone may be a family's or an office's. A different birth year or gender counts against. Scores are
// capped at 100; `high` is what an organiser can usually merge at a glance.
import type { DuplicateConfidence, DuplicateReason } from '../schemas/people';

export interface PairFacts {
  sameName: boolean;
  nameVariant: boolean;
  /** Both birth years known and equal / known and different; neither when one is missing. */
  sameBirthYear: boolean;
  differentBirthYear: boolean;
  samePhone: boolean;
  differentGender: boolean;
}

export interface PairScore {
  score: number;
  confidence: DuplicateConfidence;
  reasons: DuplicateReason[];
}

const WEIGHTS: Record<DuplicateReason, number> = {
  same_name: 50,
  name_variant: 25,
  same_birth_year: 30,
  same_phone: 40,
  different_birth_year: -40,
  different_gender: -30,
};

/** Whether the pair is worth showing at all: the kinds of evidence the finder looks for. */
export function isLikelyPair(facts: PairFacts): boolean {
  if (facts.samePhone) return true;
  return (facts.sameName || facts.nameVariant) && facts.sameBirthYear;
}

export function scorePair(facts: PairFacts): PairScore {
  const reasons: DuplicateReason[] = [];
  if (facts.sameName) reasons.push('same_name');
  else if (facts.nameVariant) reasons.push('name_variant');
  if (facts.sameBirthYear) reasons.push('same_birth_year');
  if (facts.samePhone) reasons.push('same_phone');
  if (facts.differentBirthYear) reasons.push('different_birth_year');
  if (facts.differentGender) reasons.push('different_gender');
  const raw = reasons.reduce((sum, reason) => sum + WEIGHTS[reason], 0);
  const score = Math.max(0, Math.min(100, raw));
  return { score, confidence: confidenceOf(score), reasons };
}

export function confidenceOf(score: number): DuplicateConfidence {
  if (score >= 80) return 'high';
  if (score >= 55) return 'medium';
  return 'low';
}
