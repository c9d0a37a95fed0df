// The sync page's storage facts: space used and whether the browser promised to keep the data
// (without that promise, unsent records can be evicted: docs/lessons.md).
import { useTranslation } from 'react-i18next';
import { Banner } from '#client/ui/banner.tsx';
import { Button } from '#client/ui/button.tsx';
import { Card } from '#client/ui/card.tsx';
import { formatBytes } from '#client/ui/format.ts';
import { useStorageStatus } from '#client/ui/use-storage-status.ts';

export function StorageSummary() {
  const { t } = useTranslation('sync');
  const { persisted, usage, quota, canRequest, requestPersistence } = useStorageStatus();
  const message = persisted === null ? 'storage.unknown' : persisted ? 'storage.persisted' : 'storage.notPersisted';
  return (
    <Card title={t('storage.title')}>
      {usage !== null && (
        <p>
          {quota !== null
            ? t('storage.usedOf', { used: formatBytes(usage), quota: formatBytes(quota) })
            : t('storage.used', { used: formatBytes(usage) })}
        </p>
      )}
      <Banner tone={persisted ? 'success' : 'warning'}>{t(message)}</Banner>
      {canRequest && <Button onClick={() => void requestPersistence()}>{t('storage.request')}</Button>}
    </Card>
  );
}
