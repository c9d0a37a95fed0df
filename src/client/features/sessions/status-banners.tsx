// What the trainer must know before editing: the organiser's comment on a returned session (at
// the top, in full), why an approved session cannot be changed, a change the server refused, and
// a local write that failed.
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { errorCodes } from '#domain/schemas/error';
import type { LocalSession, OutboxEntry } from '#client/db/local-rows.ts';
import { Banner } from '#client/ui/banner.tsx';
import { formatDateTime } from '#client/ui/format.ts';
import { writeErrorKey } from './error-text';

const knownCodes: ReadonlySet<string> = new Set(errorCodes);

export interface StatusBannersProps {
  session: LocalSession;
  rejected: readonly OutboxEntry[];
  writeError: unknown;
}

export function StatusBanners({ session, rejected, writeError }: StatusBannersProps) {
  const { t } = useTranslation('sessions');
  return (
    <>
      {session.status === 'returned' && (
        <Banner tone="warning" className="returned-banner">
          <strong>{t('banners.returnedTitle')}</strong>
          {session.reviewComment && <blockquote className="review-comment">{session.reviewComment}</blockquote>}
          {session.reviewedAt && <span className="field__hint">{formatDateTime(session.reviewedAt)}</span>}
          <p>{t('banners.returnedHint')}</p>
        </Banner>
      )}
      {session.status === 'approved' && <Banner tone="info">{t('banners.approved')}</Banner>}
      {rejected.map((entry) => {
        const code = entry.error?.code ?? 'unknown';
        return (
          <Banner key={entry.id} tone="danger" action={<Link to="/sync">{t('banners.openSync')}</Link>}>
            <strong>{t('banners.rejectedTitle')}</strong>{' '}
            {t(knownCodes.has(code) ? `common:errors.${code}` : 'common:errors.unknown')}
          </Banner>
        );
      })}
      {writeError !== null && writeError !== undefined && (
        <Banner tone="danger">
          <strong>{t('banners.notSaved')}</strong> {t(writeErrorKey(writeError))}
        </Banner>
      )}
    </>
  );
}
