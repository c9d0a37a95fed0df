// Deleting a person from the unit's registry. Refused, with the reason, while any attendance names
// them: their sessions' turns, women and ethnic-minority figures must not change behind the trainer's
// back. Otherwise a confirmation step, then the local write and back to the list.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { getUserDb } from '#client/db/database.ts';
import { deleteParticipant } from '#client/db/local-writes.ts';
import type { LocalParticipant } from '#client/db/local-rows.ts';
import { Banner } from '#client/ui/banner.tsx';
import { Button } from '#client/ui/button.tsx';
import { Card } from '#client/ui/card.tsx';
import { formatNumber } from '#client/ui/format.ts';
import { saveErrorKey } from '#client/ui/participant-form/save-error.ts';
import { useAttendanceCount } from './use-participants';

export function DeleteParticipant({ person }: { person: LocalParticipant }) {
  const { t } = useTranslation('participants');
  const navigate = useNavigate();
  const attended = useAttendanceCount(person.id);
  const [confirming, setConfirming] = useState(false);
  const [failureKey, setFailureKey] = useState<string | null>(null);
  if (attended === undefined) return null;

  async function remove() {
    try {
      await deleteParticipant(getUserDb(), person.id);
      void navigate('/participants', { replace: true });
    } catch (error) {
      setFailureKey(saveErrorKey(error));
    }
  }

  return (
    <Card title={t('detail.deleteTitle')}>
      {attended > 0 ? (
        <p>{t('detail.deleteRefused', { count: attended, n: formatNumber(attended), name: person.fullName })}</p>
      ) : confirming ? (
        <div role="alert">
          <p>{t('detail.deleteConfirm', { name: person.fullName })}</p>
          <div className="button-row">
            <Button variant="danger" onClick={() => void remove()}>
              {t('detail.deleteConfirmAction')}
            </Button>
            <Button onClick={() => setConfirming(false)}>{t('common:actions.cancel')}</Button>
          </div>
        </div>
      ) : (
        <>
          <p>{t('detail.deleteHint')}</p>
          <Button
            variant="danger"
            aria-label={t('detail.deleteLabel', { name: person.fullName })}
            onClick={() => setConfirming(true)}
          >
            {t('detail.delete')}
          </Button>
        </>
      )}
      {failureKey && <Banner tone="danger">{t(failureKey)}</Banner>}
    </Card>
  );
}
