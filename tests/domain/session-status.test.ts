import { describe, expect, it } from 'vitest';
import {
  canReview,
  canSubmit,
  canTransition,
  isTrainerContentLocked,
  nextStatusAfterReview,
} from '#domain/rules/session-status';
import { sessionStatuses } from '#domain/schemas/session';

describe('the session status machine', () => {
  it('lets a trainer submit a draft and resubmit a returned session', () => {
    expect(sessionStatuses.filter(canSubmit)).toEqual(['draft', 'returned']);
  });

  it('lets an organiser review only submitted sessions', () => {
    expect(sessionStatuses.filter(canReview)).toEqual(['submitted']);
  });

  it('approves or returns on review', () => {
    expect(nextStatusAfterReview('approve')).toBe('approved');
    expect(nextStatusAfterReview('return')).toBe('returned');
  });

  it('allows exactly the moves of docs/data-model.md', () => {
    const allowed = sessionStatuses.flatMap((from) =>
      sessionStatuses.filter((to) => canTransition(from, to)).map((to) => `${from}→${to}`),
    );
    expect(allowed).toEqual(['draft→submitted', 'submitted→returned', 'submitted→approved', 'returned→submitted']);
  });

  it('locks trainer content once approved, and only then', () => {
    expect(sessionStatuses.filter(isTrainerContentLocked)).toEqual(['approved']);
  });
});
