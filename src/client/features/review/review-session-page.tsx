// Everything recorded for one session, with the organiser's two decisions: approve, or return with a
// comment. Reads the local database, so it works offline; the decision syncs like any other change.
// An organiser's device holds a working set: a session it does not hold in full (an older one, or a recent
// header without its roster) is read from the server when online; offline the page says it needs a connection.
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { useLiveQuery } from 'dexie-react-hooks';
import { getUserDb } from '#client/db/database.ts';
import { Banner } from '#client/ui/banner.tsx';
import { ButtonLink } from '#client/ui/button-link.tsx';
import { EmptyState } from '#client/ui/empty-state.tsx';
import { ReportsIcon } from '#client/ui/icons.tsx';
import { Loading } from '#client/ui/loading.tsx';
import { Page } from '#client/ui/page.tsx';
import { AttendanceSection } from './attendance-section';
import { ReviewActions } from './review-actions';
import { SessionDetails } from './session-details';
import { SessionPhotos } from './session-photos';
import { StatusHistory } from './status-history';
import { useNextInQueue } from './use-next-in-queue';
import { useRemoteSession } from './use-remote-session';
import { useReviewSession, type ReviewSessionData } from './use-review-session';
import './review-session.css';

/** Whether the device holds a working set (then sessions beyond it live on the server). */
function useWorkingSet(): boolean | undefined {
  return useLiveQuery(async () => (await getUserDb().meta.get('workingSet'))?.value === true, []);
}

/**
 * Not held in full: absent, or a roster session not awaiting review with neither roster nor photos here (a
 * header of the working set). A headcount session's numbers are in its header; a session with changes made
 * on this device (a decision not yet sent) is shown as this device has it.
 */
function isPartial(data: ReviewSessionData | null): boolean {
  if (data === null) return true;
  const { session, roster, photos } = data;
  return (
    !session.pending &&
    session.status !== 'submitted' &&
    session.attendanceMode === 'roster' &&
    roster.length === 0 &&
    photos.length === 0
  );
}

export function ReviewSessionPage() {
  const { t } = useTranslation('review');
  const { id = '' } = useParams();
  const local = useReviewSession(id);
  const workingSet = useWorkingSet();
  const partial = workingSet === true && local !== undefined && isPartial(local);
  const remote = useRemoteSession(id, partial);

  const message = (title: string, hint: string, toSync: boolean) => (
    <Page title={t('session.title')} back="/review" wide>
      <EmptyState title={title} action={toSync ? <ButtonLink to="/sync">{t('session.toSync')}</ButtonLink> : undefined}>
        <p>{hint}</p>
      </EmptyState>
    </Page>
  );
  if (
    local === undefined ||
    workingSet === undefined ||
    (partial && (remote.state === 'idle' || remote.state === 'loading'))
  ) {
    return (
      <Page title={t('session.title')} back="/review" wide>
        <Loading />
      </Page>
    );
  }
  if (partial && remote.state === 'loaded') return <SessionView data={remote.data} />;
  if (partial && remote.state === 'offline') {
    if (local) return <SessionView data={local} notice={t('session.partialOffline')} />;
    return message(t('session.needsConnection'), t('session.needsConnectionHint'), false);
  }
  if (local === null) return message(t('session.notFound'), t('session.notFoundHint'), true);
  return <SessionView data={local} />;
}

function SessionView({ data, notice }: { data: ReviewSessionData; notice?: string }) {
  const { t } = useTranslation('review');
  const nextId = useNextInQueue(data.session.id);
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
      {notice && <Banner tone="info">{notice}</Banner>}
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
