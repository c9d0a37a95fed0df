// The "are you sure?" step before discarding something that never reached the server: says what will be
// lost, then Discard (danger) or Keep. Shared by refused changes and refused images.
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '#client/ui/button.tsx';

interface DiscardConfirmProps {
  question: string;
  consequence: ReactNode;
  confirmLabel: string;
  busy: boolean;
  onConfirm: () => void;
  onKeep: () => void;
  /** Shown between the explanation and the buttons (e.g. why the last try failed). */
  alert?: ReactNode;
}

export function DiscardConfirm({
  question,
  consequence,
  confirmLabel,
  busy,
  onConfirm,
  onKeep,
  alert,
}: DiscardConfirmProps) {
  const { t } = useTranslation('sync');
  return (
    <div className="attention-item__confirm" role="group" aria-label={question}>
      <p>
        <strong>{question}</strong> {consequence}
      </p>
      {alert}
      <div className="button-row">
        <Button variant="danger" disabled={busy} onClick={onConfirm}>
          {confirmLabel}
        </Button>
        <Button disabled={busy} onClick={onKeep}>
          {t('attention.keep')}
        </Button>
      </div>
    </div>
  );
}
