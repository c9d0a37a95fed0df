// Settings: sign out, in two steps. The second step says plainly how many changes are not on the
// server yet: they stay on the device (sent at the next sign-in here); nothing is deleted. Sync stops
// before the database closes. An in-page confirmation, because window.confirm is unreliable in
// installed web apps.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useAuth } from '#client/app/auth-state.ts';
import { requestSync, stopSyncScheduler } from '#client/sync/scheduler.ts';
import { useSyncStatus } from '#client/sync/status.ts';
import { Banner } from '#client/ui/banner.tsx';
import { Button } from '#client/ui/button.tsx';
import { Card } from '#client/ui/card.tsx';
import { SignOutIcon, SyncIcon } from '#client/ui/icons.tsx';

export function SignOutCard() {
  const { t } = useTranslation('settings');
  const { signOut } = useAuth();
  const { unsentCount, rejected, refusedImages, online, syncing } = useSyncStatus();
  const navigate = useNavigate();
  const [confirming, setConfirming] = useState(false);
  const [signingOut, setSigningOut] = useState(false);
  // Refused changes and images are not on the server either: they wait for the trainer on this device.
  const notOnServer = unsentCount + rejected.length + refusedImages.length;

  const confirm = async () => {
    setSigningOut(true);
    stopSyncScheduler();
    await signOut();
    void navigate('/login', { replace: true });
  };

  return (
    <Card title={t('signOut.title')}>
      <p>{t('signOut.body')}</p>
      {confirming ? (
        <>
          <Banner tone="warning">
            {notOnServer > 0 ? t('signOut.unsent', { count: notOnServer }) : t('signOut.allSent')}{' '}
            {t('signOut.confirm')}
          </Banner>
          <div className="button-row">
            <Button variant="danger" icon={<SignOutIcon />} disabled={signingOut} onClick={() => void confirm()}>
              {t('signOut.action')}
            </Button>
            {notOnServer > 0 && online && (
              <Button icon={<SyncIcon />} disabled={syncing || signingOut} onClick={() => void requestSync()}>
                {t('signOut.syncFirst')}
              </Button>
            )}
            <Button onClick={() => setConfirming(false)}>{t('common:actions.cancel')}</Button>
          </div>
        </>
      ) : (
        <Button icon={<SignOutIcon />} onClick={() => setConfirming(true)}>
          {t('signOut.action')}
        </Button>
      )}
    </Card>
  );
}
