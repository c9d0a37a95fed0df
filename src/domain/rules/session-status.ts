// The review state machine of a session (docs/data-model.md):
//   draft → submitted (trainer submits) → approved | returned (organiser reviews);
//   returned → submitted (trainer resubmits).
// Mutators on the server and the client's buttons ask these functions, so both agree.
import type { SessionReviewArgs, SessionStatus } from '../schemas/session';

export type ReviewDecision = SessionReviewArgs['decision'];

const transitions: Readonly<Record<SessionStatus, readonly SessionStatus[]>> = {
  draft: ['submitted'],
  submitted: ['approved', 'returned'],
  returned: ['submitted'],
  approved: [],
};

/** Whether `from → to` is a move the state machine allows. */
export function canTransition(from: SessionStatus, to: SessionStatus): boolean {
  return transitions[from].includes(to);
}

/** A trainer may submit a draft, or resubmit a session the organiser returned. */
export function canSubmit(status: SessionStatus): boolean {
  return canTransition(status, 'submitted');
}

/** An organiser reviews only what has been submitted. */
export function canReview(status: SessionStatus): boolean {
  return status === 'submitted';
}

export function nextStatusAfterReview(decision: ReviewDecision): SessionStatus {
  return decision === 'approve' ? 'approved' : 'returned';
}

/** Approved sessions are final: the trainer can no longer change their content. */
export function isTrainerContentLocked(status: SessionStatus): boolean {
  return status === 'approved';
}
