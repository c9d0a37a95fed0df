// "+ Người mới": a sheet over the roster with the shared participant form. Saving creates the person
// in the unit's registry and puts them on this roster; closing (×, Huỷ, Escape) writes nothing.
// A native modal <dialog> keeps focus inside and returns it to the opening button afterwards.
import { useEffect, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { todayIn } from '#domain/rules/dates';
import type { Participant } from '#domain/schemas/participant';
import { Button } from '#client/ui/button.tsx';
import { ParticipantForm } from '#client/ui/participant-form/participant-form.tsx';
import {
  participantFormDefaults,
  type ParticipantFields,
} from '#client/ui/participant-form/participant-form-schema.ts';
import './quick-add-sheet.css';

export interface QuickAddSheetProps {
  prefill: Partial<Participant>;
  onSave: (fields: ParticipantFields) => Promise<void>;
  onClose: () => void;
}

export function QuickAddSheet({ prefill, onSave, onClose }: QuickAddSheetProps) {
  const { t } = useTranslation('attendance');
  const dialogRef = useRef<HTMLDialogElement>(null);
  const titleId = useId();

  useEffect(() => {
    const dialog = dialogRef.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);

  const close = () => dialogRef.current?.close();

  return (
    <dialog ref={dialogRef} className="sheet" aria-labelledby={titleId} onClose={onClose}>
      <div className="sheet__header">
        <h2 className="sheet__title" id={titleId}>
          {t('quickAdd.title')}
        </h2>
        <button type="button" className="sheet__close" aria-label={t('common:actions.close')} onClick={close}>
          ×
        </button>
      </div>
      <div className="sheet__body">
        <ParticipantForm
          defaults={participantFormDefaults(todayIn(), prefill)}
          submitLabel={t('quickAdd.save')}
          autoFocusName={!prefill.fullName}
          onSubmit={async (fields) => {
            await onSave(fields);
            close();
          }}
          secondaryAction={<Button onClick={close}>{t('common:actions.cancel')}</Button>}
        />
      </div>
    </dialog>
  );
}

/** What the search box held, as a starting point: digits go to the phone, words to the name. */
export function prefillFrom(query: string): Partial<Participant> {
  const text = query.trim();
  if (text === '') return {};
  return /^[+\d\s.-]+$/.test(text) ? { phone: text } : { fullName: text };
}
