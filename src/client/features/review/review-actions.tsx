// Approve or return a submitted session. The decision is a `session.review` mutation written to this
// device first and sent by the sync scheduler, so an organiser can review offline on a tablet.
// Returning needs a comment (the schema requires it too): the trainer must know what to fix.
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { canReview, type ReviewDecision } from '#domain/rules/session-status';
import { getUserDb } from '#client/db/database.ts';
import { MutationError } from '#domain/mutators/mutation-error';
import type { LocalSession } from '#client/db/local-rows.ts';
import { reviewSession } from '#client/db/local-writes.ts';
import { Banner } from '#client/ui/banner.tsx';
import { Button } from '#client/ui/button.tsx';
import { Card } from '#client/ui/card.tsx';
import { CheckIcon } from '#client/ui/icons.tsx';
import { statusLabel } from './labels';
import { ReviewOutcome } from './review-outcome';

export function ReviewActions({ session }: { session: LocalSession }) {
  const { t } = useTranslation('review');
  const commentId = useId();
  const [comment, setComment] = useState('');
  const [busy, setBusy] = useState(false);
  const [errorKey, setErrorKey] = useState<string | null>(null);
  const trimmed = comment.trim();

  if (session.status === 'approved' || session.status === 'returned') return <ReviewOutcome session={session} />;
  if (!canReview(session.status)) {
    return <Banner tone="info">{t('review.notReviewable', { status: statusLabel(t, session.status) })}</Banner>;
  }

  async function decide(decision: ReviewDecision) {
    setBusy(true);
    setErrorKey(null);
    try {
      await reviewSession(getUserDb(), { id: session.id, decision, ...(trimmed ? { comment: trimmed } : {}) });
    } catch (error) {
      setErrorKey(error instanceof MutationError ? `common:errors.${error.code}` : 'common:errors.unknown');
    } finally {
      setBusy(false);
    }
  }

  return (
    <Card title={t('review.title')} className="review-actions">
      {/* A decision the server refused leaves the session waiting again: say so above the form. */}
      {session.rejected && (
        <Banner tone="danger" action={<Link to="/sync">{t('session.toSync')}</Link>}>
          {t('review.refused')}
        </Banner>
      )}
      <div className="field">
        <label className="field__label" htmlFor={commentId}>
          {t('review.comment')}
        </label>
        <p className="field__hint" id={`${commentId}-hint`}>
          {t('review.commentHint')}
        </p>
        <textarea
          id={commentId}
          className="field__input review-actions__comment"
          rows={4}
          maxLength={4000}
          value={comment}
          aria-describedby={`${commentId}-hint`}
          onChange={(e) => setComment(e.target.value)}
        />
      </div>
      {errorKey && <Banner tone="danger">{t(errorKey)}</Banner>}
      <div className="button-row review-actions__buttons">
        <Button variant="primary" icon={<CheckIcon />} disabled={busy} onClick={() => void decide('approve')}>
          {t('review.approve')}
        </Button>
        <Button
          variant="danger"
          disabled={busy || !trimmed}
          aria-describedby={!trimmed ? `${commentId}-needs` : undefined}
          onClick={() => void decide('return')}
        >
          {t('review.return')}
        </Button>
      </div>
      {!trimmed && (
        <p className="field__hint" id={`${commentId}-needs`}>
          {t('review.returnNeedsComment')}
        </p>
      )}
      <p className="field__hint">{t('review.approveHint')}</p>
    </Card>
  );
}
