// Sending for review: what is still missing (each line moves focus to the field to fix), photos
// recommended, and "Gửi duyệt". Offline, the submission waits on the device and says so.
import type { ReactNode } from 'react';
import { useFormContext, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { checkSubmitReadiness } from '#domain/rules/completeness';
import { canSubmit } from '#domain/rules/session-status';
import type { LocalSession } from '#client/db/local-rows.ts';
import { Banner } from '#client/ui/banner.tsx';
import { Button } from '#client/ui/button.tsx';
import { Card } from '#client/ui/card.tsx';
import { AlertIcon } from '#client/ui/icons.tsx';
import { useOnlineStatus } from '#client/ui/use-online-status.ts';
import { fieldIdOf, focusField, focusFirstInvalidField } from './field-ids';
import type { SessionFormValues } from './session-form-schema';

export interface SubmitSectionProps {
  session: LocalSession;
  attendanceCount: number;
  photoCount: number;
  submitting: boolean;
  /** A field shows an error and its value is not stored: nothing is sent until it is fixed. */
  unsaved: boolean;
  onSubmit: () => void;
}

function FieldLink({ target, children }: { target: string | null; children: ReactNode }) {
  return (
    <a
      href={target ? `#${target}` : '#'}
      onClick={(event) => {
        event.preventDefault();
        if (target) focusField(target);
        else focusFirstInvalidField();
      }}
    >
      {children}
    </a>
  );
}

export function SubmitSection({
  session,
  attendanceCount,
  photoCount,
  submitting,
  unsaved,
  onSubmit,
}: SubmitSectionProps) {
  const { t } = useTranslation('sessions');
  const online = useOnlineStatus();
  const { control } = useFormContext<SessionFormValues>();
  const values = useWatch({ control });
  const mode = values.attendanceMode ?? session.attendanceMode;
  const { missing, warnings } = checkSubmitReadiness({
    session: {
      title: values.title ?? '',
      topicIds: (values.topicIds ?? []).filter((id): id is string => typeof id === 'string'),
      placeName: values.placeName ?? '',
      communeCode: values.communeCode ?? null,
      startDate: values.startDate ?? session.startDate,
      endDate: values.endDate ?? session.endDate,
      attendanceMode: mode,
      headcount: values.headcount ? { total: 0, women: 0, ethnicMinority: 0, ...values.headcount } : null,
    },
    attendanceCount,
    photoCount,
  });

  if (session.status === 'submitted') {
    return (
      <Card title={t('editor.sections.submit')}>
        <Banner tone={session.pending ? 'warning' : 'success'}>
          {session.pending ? (online ? t('submit.sending') : t('submit.willSendOnline')) : t('submit.submitted')}
        </Banner>
      </Card>
    );
  }
  if (!canSubmit(session.status)) return null;
  const blocked = missing.length > 0 || unsaved;

  return (
    <Card title={t('editor.sections.submit')}>
      {missing.length > 0 ? (
        <>
          <p id="submit-missing-title">{t('submit.missingTitle')}</p>
          <ul className="missing-list" aria-labelledby="submit-missing-title">
            {missing.map((item) => (
              <li key={item}>
                <FieldLink target={fieldIdOf(item, mode)}>
                  <AlertIcon size={20} />
                  {t(`submit.missing.${item}`)}
                </FieldLink>
              </li>
            ))}
          </ul>
        </>
      ) : (
        !unsaved && <p>{t('submit.ready')}</p>
      )}
      {unsaved && (
        <>
          <p id="submit-unsaved-title">{t('submit.unsavedTitle')}</p>
          <ul className="missing-list" aria-labelledby="submit-unsaved-title">
            <li>
              <FieldLink target={null}>
                <AlertIcon size={20} />
                {t('submit.unsavedLink')}
              </FieldLink>
            </li>
          </ul>
        </>
      )}
      {warnings.includes('photo') && (
        <p className="field__hint">
          <FieldLink target="session-photos-link">{t('submit.photoWarning')}</FieldLink>
        </p>
      )}
      {!online && !blocked && <p className="field__hint">{t('submit.offlineHint')}</p>}
      <Button
        variant="primary"
        block
        disabled={blocked || submitting}
        aria-describedby={
          [missing.length > 0 && 'submit-missing-title', unsaved && 'submit-unsaved-title'].filter(Boolean).join(' ') ||
          undefined
        }
        onClick={onSubmit}
      >
        {session.status === 'returned' ? t('submit.resubmit') : t('submit.submit')}
      </Button>
    </Card>
  );
}
