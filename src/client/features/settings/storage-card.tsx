// Settings: whether the browser keeps this device's data for good, and how much space it uses.
import { useTranslation } from 'react-i18next';
import { Banner } from '#client/ui/banner.tsx';
import { Button } from '#client/ui/button.tsx';
import { Card } from '#client/ui/card.tsx';
import { formatBytes } from '#client/ui/format.ts';
import { useStorageStatus } from '#client/ui/use-storage-status.ts';

export function StorageCard() {
  const { t } = useTranslation('settings');
  const { persisted, usage, quota, canRequest, requestPersistence } = useStorageStatus();
  const message = persisted === null ? 'storage.unsupported' : persisted ? 'storage.persisted' : 'storage.notPersisted';
  return (
    <Card title={t('storage.title')}>
      <Banner tone={persisted ? 'success' : 'warning'}>{t(message)}</Banner>
      {usage !== null && quota !== null && (
        <p>{t('storage.usage', { used: formatBytes(usage), quota: formatBytes(quota) })}</p>
      )}
      {canRequest && <Button onClick={() => void requestPersistence()}>{t('storage.request')}</Button>}
    </Card>
  );
}
