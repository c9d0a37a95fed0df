// "Người tham dự": a named roster (kept on its own page; here its live totals and the way there) or
// a headcount (total, women, ethnic minority, with the rules shown as they apply), and the plan.
import { useController, useFormContext } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { AttendanceMode, Headcount } from '#domain/schemas/session';
import { ButtonLink } from '#client/ui/button-link.tsx';
import { Card } from '#client/ui/card.tsx';
import { formatNumber } from '#client/ui/format.ts';
import { ParticipantsIcon } from '#client/ui/icons.tsx';
import { fieldErrorKey } from './error-text';
import { fieldIds } from './field-ids';
import { NumberStepper } from './number-stepper';
import type { SessionFormValues } from './session-form-schema';
import type { RosterSummary } from './use-session-editor-data';

const modes: readonly AttendanceMode[] = ['roster', 'headcount'];
const emptyHeadcount: Headcount = { total: 0, women: 0, ethnicMinority: 0 };

/** One number of the headcount, bound to its own path so its rule error lands on it. */
function HeadcountField({ part, id, label }: { part: keyof Headcount; id: string; label: string }) {
  const { t } = useTranslation('sessions');
  const { control } = useFormContext<SessionFormValues>();
  const { field, fieldState } = useController({ control, name: `headcount.${part}` });
  const errorKey = fieldErrorKey(fieldState.error);
  return (
    <NumberStepper
      id={id}
      label={label}
      value={field.value ?? 0}
      onChange={(value) => field.onChange(value ?? 0)}
      emptyValue={0}
      error={errorKey ? t(errorKey) : null}
    />
  );
}

function HeadcountFields() {
  const { t } = useTranslation('sessions');
  return (
    <div className="headcount">
      <p className="field__hint">{t('editor.headcountRule')}</p>
      <HeadcountField part="total" id={fieldIds.headcountTotal} label={t('editor.headcountTotal')} />
      <HeadcountField part="women" id={fieldIds.headcountWomen} label={t('editor.headcountWomen')} />
      <HeadcountField
        part="ethnicMinority"
        id={fieldIds.headcountEthnicMinority}
        label={t('editor.headcountEthnicMinority')}
      />
    </div>
  );
}

function RosterSummaryView({ sessionId, roster }: { sessionId: string; roster: RosterSummary }) {
  const { t } = useTranslation('sessions');
  return (
    <div className="roster-summary">
      <p className="roster-summary__totals" aria-live="polite">
        {t('editor.rosterTotals', {
          people: formatNumber(roster.people),
          women: formatNumber(roster.women),
          ethnicMinority: formatNumber(roster.ethnicMinority),
        })}
      </p>
      <ButtonLink
        id={fieldIds.rosterLink}
        to={`/sessions/${sessionId}/roster`}
        variant="secondary"
        block
        icon={<ParticipantsIcon />}
      >
        {t('editor.openRoster')}
      </ButtonLink>
    </div>
  );
}

export function AttendanceSection({ sessionId, roster }: { sessionId: string; roster: RosterSummary }) {
  const { t } = useTranslation('sessions');
  const { control, getValues, setValue } = useFormContext<SessionFormValues>();
  const { field: mode } = useController({ control, name: 'attendanceMode' });
  const { field: planned } = useController({ control, name: 'plannedParticipants' });

  const chooseMode = (next: AttendanceMode) => {
    if (next === 'headcount' && !getValues('headcount'))
      setValue('headcount', { ...emptyHeadcount }, { shouldDirty: true });
    mode.onChange(next);
  };

  return (
    <Card title={t('editor.sections.attendance')}>
      <fieldset className="mode-choice">
        <legend className="field__label">{t('editor.mode')}</legend>
        {modes.map((value) => (
          <label key={value} className="mode-choice__option" htmlFor={`session-mode-${value}`}>
            <input
              type="radio"
              name="attendanceMode"
              id={`session-mode-${value}`}
              value={value}
              checked={mode.value === value}
              onChange={() => chooseMode(value)}
              onBlur={mode.onBlur}
            />
            <span>
              <span className="mode-choice__name">{t(`modes.${value}`)}</span>
              <span className="mode-choice__hint">{t(`modes.${value}Hint`)}</span>
            </span>
          </label>
        ))}
      </fieldset>
      {mode.value === 'roster' ? <RosterSummaryView sessionId={sessionId} roster={roster} /> : <HeadcountFields />}
      <NumberStepper
        id={fieldIds.planned}
        label={t('editor.planned')}
        hint={t('editor.plannedHint')}
        value={planned.value ?? null}
        onChange={planned.onChange}
        emptyValue={null}
      />
    </Card>
  );
}
