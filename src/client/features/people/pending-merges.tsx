// Merges and undos decided on this device and not yet settled with the server: each waiting to be sent, or
// refused with the server's reason in the organiser's language and a way to drop it (the records then return
// to the server's copy at the next sync). Names come from the lists on screen; an id the screen does not
// show is "a person".
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { getUserDb } from '#client/db/database.ts';
import { discardRejected } from '#client/db/rejected-entries.ts';
import { Button } from '#client/ui/button.tsx';
import { Card } from '#client/ui/card.tsx';
import { refusalKey } from './merge-error';
import type { PendingMerge } from './use-pending-merges';

export interface PendingMergesProps {
  pending: PendingMerge[];
  nameOf: (id: string) => string | undefined;
}

export function PendingMerges({ pending, nameOf }: PendingMergesProps) {
  const { t } = useTranslation('people');
  const [busy, setBusy] = useState(false);
  if (pending.length === 0) return null;
  const name = (id: string) => nameOf(id) ?? t('pending.someone');

  async function discard(mutationId: number) {
    setBusy(true);
    try {
      await discardRejected(getUserDb(), mutationId);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Card title={t('pending.title')} className="pending-merges">
      <ul className="recent-merges__list">
        {pending.map((item) => (
          <li key={item.mutationId} className="recent-merges__item pending-merges__item">
            <span>
              {item.kind === 'merge'
                ? t('pending.merge', { merged: item.mergedIds.map(name).join(', '), kept: name(item.keptId) })
                : t('pending.unmerge', { kept: name(item.keptId) })}
              <span className={`pending-merges__state pending-merges__state--${item.state}`}>
                {' · '}
                {t(`pending.${item.state}`)}
              </span>
              {item.state === 'refused' && (
                <span className="pending-merges__reason" role="alert">
                  {t(refusalKey(item.error ?? { code: 'unknown' }))}
                </span>
              )}
            </span>
            {item.state === 'refused' && (
              <Button disabled={busy} onClick={() => void discard(item.mutationId)}>
                {t('pending.discard')}
              </Button>
            )}
          </li>
        ))}
      </ul>
    </Card>
  );
}
