// The sync page (/sync): where things stand — connection, last sync, what is waiting to be sent and
// by kind, a "sync now" button, what needs the trainer (refused changes to fix or discard, returned
// sessions), and the device's storage.
import { useTranslation } from 'react-i18next';
import { useAuth } from '#client/app/auth-state.ts';
import { getUserDb } from '#client/db/database.ts';
import { useSyncStatus } from '#client/sync/status.ts';
import { Loading } from '#client/ui/loading.tsx';
import { Page } from '#client/ui/page.tsx';
import { AttentionList } from './attention-list';
import { StorageSummary } from './storage-summary';
import { SyncOverview, UnsentSummary } from './sync-overview';
import { useAttention } from './use-attention';

export function SyncPage() {
  const { t } = useTranslation('sync');
  const { user, needsSignIn } = useAuth();
  const db = getUserDb();
  const status = useSyncStatus(db);
  const attention = useAttention(db, user?.id);
  if (!user) return null;
  return (
    <Page title={t('title')}>
      <SyncOverview status={status} needsSignIn={needsSignIn || status.needsSignIn} />
      {attention ? <AttentionList db={db} attention={attention} role={user.role} /> : <Loading />}
      <UnsentSummary status={status} />
      <StorageSummary />
    </Page>
  );
}
