// Settings: whether the browser keeps this device's data for good, and how much space it uses.
import { useTranslation } from 'react-i18next';
import { Banner } from '../../ui/banner';
import { Button } from '../../ui/button';
import { Card } from '../../ui/card';
import { formatBytes } from '../../ui/format';
import { useStorageStatus } from '../../ui/use-storage-status';

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
      {canRequest && (
        <Button onClick={() => void requestPersistence()}>{t('storage.request')}</Button>
      )}
    </Card>
  );
}
