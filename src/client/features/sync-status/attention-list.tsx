// The needs-attention list of the sync page: refused changes (oldest first), images the server
// refused, and the trainer's returned sessions. It says that the rest keeps going: one bad record never holds back the others.
import { useTranslation } from 'react-i18next';
import type { Role } from '#domain/schemas/auth';
import type { LogbookDb } from '#client/db/database.ts';
import { Card } from '#client/ui/card.tsx';
import { CheckIcon } from '#client/ui/icons.tsx';
import { RefusedItem, ReturnedItem } from './attention-item';
import { RefusedImageItem } from './refused-image-item';
import type { Attention } from './use-attention';

export function AttentionList({ db, attention, role }: { db: LogbookDb; attention: Attention; role: Role }) {
  const { t } = useTranslation('sync');
  const { refused, images, returned } = attention;
  const waiting = refused.length + images.length;
  const empty = waiting === 0 && returned.length === 0;
  return (
    <Card title={t('attention.title')}>
      {empty ? (
        <p className="sync-state">
          <CheckIcon size={20} />
          <span>{t('attention.none')}</span>
        </p>
      ) : (
        <>
          {waiting > 0 && <p>{t('attention.othersContinue')}</p>}
          <ul className="attention-list">
            {refused.map((change) => (
              <RefusedItem key={change.entry.id} db={db} change={change} role={role} />
            ))}
            {images.map((image) => (
              <RefusedImageItem key={image.id} db={db} image={image} />
            ))}
            {returned.map((session) => (
              <ReturnedItem key={session.id} session={session} />
            ))}
          </ul>
        </>
      )}
    </Card>
  );
}
