// Deleting a draft, after the trainer confirms (the confirmation names what will be lost).
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '#client/ui/button.tsx';

export function DeleteDraft({ onDelete, busy }: { onDelete: () => void; busy: boolean }) {
  const { t } = useTranslation('sessions');
  const [confirming, setConfirming] = useState(false);
  if (!confirming) {
    return (
      <div className="delete-draft">
        <Button variant="quiet" className="button--danger-text" onClick={() => setConfirming(true)}>
          {t('delete.action')}
        </Button>
      </div>
    );
  }
  return (
    <div className="delete-draft delete-draft--confirm" role="group" aria-labelledby="delete-draft-question">
      <p id="delete-draft-question">{t('delete.question')}</p>
      <div className="button-row">
        <Button variant="danger" onClick={onDelete} disabled={busy}>
          {t('delete.confirm')}
        </Button>
        <Button onClick={() => setConfirming(false)} disabled={busy}>
          {t('common:actions.cancel')}
        </Button>
      </div>
    </div>
  );
}
