// The service worker's two messages: "a new version is ready — update" (stays until the user acts; the
// app never reloads by itself) and a quiet, self-dismissing note that the app now works offline.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usePwa } from '../pwa';
import { Button } from './button';
import { CheckIcon, SyncIcon } from './icons';
import './pwa-prompts.css';

export function UpdatePrompt() {
  const { t } = useTranslation();
  const { needRefresh, update } = usePwa();
  const [updating, setUpdating] = useState(false);
  if (!needRefresh) return null;
  return (
    <div className="update-prompt" role="status">
      <div className="update-prompt__text">
        <strong>{t('pwa.updateReady')}</strong>
        <span>{t('pwa.updateHint')}</span>
      </div>
      <Button
        variant="primary"
        icon={<SyncIcon />}
        disabled={updating}
        onClick={() => {
          setUpdating(true);
          void update();
        }}
      >
        {t('actions.update')}
      </Button>
    </div>
  );
}

const toastMilliseconds = 5000;

export function OfflineReadyToast() {
  const { t } = useTranslation();
  const { offlineReady, dismissOfflineReady } = usePwa();
  useEffect(() => {
    if (!offlineReady) return;
    const timer = window.setTimeout(dismissOfflineReady, toastMilliseconds);
    return () => window.clearTimeout(timer);
  }, [offlineReady, dismissOfflineReady]);
  if (!offlineReady) return null;
  return (
    <div className="toast" role="status">
      <CheckIcon />
      <span>{t('pwa.offlineReady')}</span>
      <button type="button" className="toast__close" onClick={dismissOfflineReady} aria-label={t('actions.close')}>
        ×
      </button>
    </div>
  );
}
