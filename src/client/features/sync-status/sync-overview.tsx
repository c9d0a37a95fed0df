// The sync page's figures: online or not, the last successful sync, why the last run failed, the
// "sync now" button with the progress of a running sync; and the unsent changes by kind.
import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import type { SyncStatus } from '#client/sync/status.ts';
import { requestSync } from '#client/sync/scheduler.ts';
import { Banner } from '#client/ui/banner.tsx';
import { Button } from '#client/ui/button.tsx';
import { Card } from '#client/ui/card.tsx';
import { formatDateTime, formatNumber } from '#client/ui/format.ts';
import { OfflineIcon, OnlineIcon, SyncIcon } from '#client/ui/icons.tsx';
import { syncErrorSentence } from './rejection-reason';
import { SyncProgress } from './sync-progress';

const kinds = ['session', 'participant', 'attendance', 'photo'] as const;
const quietErrors = new Set(['network_error', 'unauthorized']);

export function SyncOverview({ status, needsSignIn }: { status: SyncStatus; needsSignIn: boolean }) {
  const { t } = useTranslation('sync');
  const { online, syncing, lastSyncAt, lastError } = status;
  // No network and no sign-in have their own words above; a second banner would only repeat them.
  const showError = lastError !== null && !syncing && !needsSignIn && !quietErrors.has(lastError);
  return (
    <Card title={t('status.title')}>
      <p className={online ? 'sync-state' : 'sync-state sync-state--offline'}>
        {online ? <OnlineIcon size={20} /> : <OfflineIcon size={20} />}
        <span>{online ? t('status.online') : t('status.offline')}</span>
      </p>
      <dl className="facts">
        <dt>{t('status.lastSync')}</dt>
        <dd>{lastSyncAt ? formatDateTime(lastSyncAt) : t('status.lastSyncNever')}</dd>
      </dl>
      {needsSignIn && <Banner tone="warning">{t('status.paused')}</Banner>}
      {showError && (
        <Banner tone="warning">
          {t('status.lastError', { reason: syncErrorSentence(t, lastError) })} {t('status.retrying')}
        </Banner>
      )}
      <div className="sync-now">
        <Button
          variant="primary"
          block
          icon={<SyncIcon className={syncing ? 'icon--spin' : undefined} />}
          disabled={syncing}
          aria-describedby={online ? undefined : 'sync-now-offline'}
          onClick={() => void requestSync()}
        >
          {syncing ? t('chip.syncing') : t('syncNow')}
        </Button>
        {!online && !syncing && (
          <p className="field__hint" id="sync-now-offline">
            {t('syncNowOffline')}
          </p>
        )}
        {syncing && <SyncProgress progress={status.progress} />}
      </div>
    </Card>
  );
}

export function UnsentSummary({ status }: { status: SyncStatus }) {
  const { t } = useTranslation('sync');
  return (
    <Card title={t('unsent.title')}>
      <p className="sync-state">
        {status.unsentCount > 0 ? t('unsent.total', { count: status.unsentCount }) : t('unsent.none')}
      </p>
      {status.unsentCount > 0 && (
        <dl className="sync-kinds">
          {kinds.map((kind) => (
            <Fragment key={kind}>
              <dt>{t(`unsent.kinds.${kind}`)}</dt>
              <dd>{formatNumber(status.unsentByKind[kind])}</dd>
            </Fragment>
          ))}
        </dl>
      )}
    </Card>
  );
}
