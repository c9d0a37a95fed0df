// Everything recorded for one session, with the organiser's two decisions: approve, or return with a
// comment. Reads the local database, so it works offline; the decision syncs like any other change.
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { ButtonLink } from '../../ui/button-link';
import { EmptyState } from '../../ui/empty-state';
import { ReportsIcon } from '../../ui/icons';
import { Loading } from '../../ui/loading';
import { Page } from '../../ui/page';
import { AttendanceSection } from './attendance-section';
import { ReviewActions } from './review-actions';
import { SessionDetails } from './session-details';
import { SessionPhotos } from './session-photos';
import { StatusHistory } from './status-history';
import { useNextInQueue } from './use-next-in-queue';
import { useReviewSession } from './use-review-session';
import './review-session.css';

export function ReviewSessionPage() {
  const { t } = useTranslation('review');
  const { id = '' } = useParams();
  const data = useReviewSession(id);
  const nextId = useNextInQueue(id);

  if (data === undefined) {
    return (
      <Page title={t('session.title')} back="/review" wide>
        <Loading />
      </Page>
    );
  }
  if (data === null) {
    return (
      <Page title={t('session.title')} back="/review" wide>
        <EmptyState
          title={t('session.notFound')}
          action={<ButtonLink to="/sync">{t('session.toSync')}</ButtonLink>}
        >
          <p>{t('session.notFoundHint')}</p>
        </EmptyState>
      </Page>
    );
  }

  const { session } = data;
  const decided = session.status === 'approved' || session.status === 'returned';
  return (
    <Page
      title={session.title || t('queue.untitled')}
      back="/review"
      wide
      actions={
        <ButtonLink to={`/sessions/${session.id}/print`} icon={<ReportsIcon />}>
          {t('session.print')}
        </ButtonLink>
      }
    >
      <div className="review-session" key={session.id}>
        <div className="review-session__main">
          <SessionDetails data={data} />
          <AttendanceSection data={data} />
          <SessionPhotos photos={data.photos} />
        </div>
        <aside className="review-session__side" aria-label={t('review.title')}>
          <ReviewActions session={session} />
          {decided && (
            <div className="button-row review-session__next">
              {nextId ? (
                <ButtonLink variant="primary" to={`/review/${nextId}`}>
                  {t('review.next')}
                </ButtonLink>
              ) : (
                <ButtonLink to="/review">{t('review.backToQueue')}</ButtonLink>
              )}
            </div>
          )}
          <StatusHistory data={data} />
        </aside>
      </div>
    </Page>
  );
}
