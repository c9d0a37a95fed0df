// One unit's row in the plans table: its targets and what it has achieved (with a bar and "đạt …%"),
// and inline editing of the two targets. Editing needs the server, so it is offered only online.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { percent } from '#domain/rules/report-totals';
import type { Plan, Unit } from '#domain/schemas/reference';
import { Button } from '#client/ui/button.tsx';
import { errorMessageKey } from '#client/ui/error-message.ts';
import { formatNumber } from '#client/ui/format.ts';
import { parseTargets, savePlan, type TargetErrors, type TargetInput } from './plan-api';
import type { Achieved } from './use-year-progress';

export interface PlanRowProps {
  unit: Unit;
  depth: number;
  year: number;
  topicId: string;
  plan: Plan | undefined;
  achieved: Achieved | null;
  canEdit: boolean;
  onSaved: (plan: Plan) => void;
}

export function PlanRow({ unit, depth, year, topicId, plan, achieved, canEdit, onSaved }: PlanRowProps) {
  const { t } = useTranslation('plans');
  const [input, setInput] = useState<TargetInput | null>(null);
  const [errors, setErrors] = useState<TargetErrors>({});
  const [failure, setFailure] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);
  const name = unit.shortName;

  const startEditing = () => {
    setInput({
      targetSessions: plan ? String(plan.targetSessions) : '',
      targetParticipantTurns: plan ? String(plan.targetParticipantTurns) : '',
    });
    setErrors({});
    setFailure(null);
  };

  const save = async () => {
    if (!input) return;
    const parsed = parseTargets(input, { unitId: unit.id, year, topicId: topicId || null });
    if ('errors' in parsed) {
      setErrors(parsed.errors);
      return;
    }
    setSaving(true);
    setFailure(null);
    try {
      onSaved(await savePlan(plan, parsed.request));
      setInput(null);
    } catch (error) {
      setFailure(error);
    } finally {
      setSaving(false);
    }
  };

  const field = (key: keyof TargetInput, labelKey: string, autoFocus = false) => {
    const errorId = `${unit.id}-${key}-error`;
    return (
      <>
        <input
          className="field__input plans-table__input"
          inputMode="numeric"
          autoFocus={autoFocus}
          aria-label={t(labelKey, { unit: name })}
          aria-invalid={errors[key] ? true : undefined}
          aria-describedby={errors[key] ? errorId : undefined}
          value={input?.[key] ?? ''}
          onChange={(e) => setInput((current) => (current ? { ...current, [key]: e.target.value } : current))}
        />
        {errors[key] && (
          <p className="field__error" id={errorId}>
            {t(errors[key])}
          </p>
        )}
      </>
    );
  };

  return (
    <tr className={input ? 'plans-table__row plans-table__row--editing' : 'plans-table__row'}>
      <th scope="row" style={{ paddingLeft: `${12 + depth * 20}px` }}>
        {name}
      </th>
      <td data-label={t('table.sessions')}>
        {input ? (
          field('targetSessions', 'targetSessionsLabel', true)
        ) : (
          <Target target={plan?.targetSessions} done={achieved?.sessions} />
        )}
      </td>
      <td data-label={t('table.turns')}>
        {input ? (
          field('targetParticipantTurns', 'targetTurnsLabel')
        ) : (
          <Target target={plan?.targetParticipantTurns} done={achieved?.participantTurns} />
        )}
      </td>
      <td className="plans-table__actions">
        {input ? (
          <div className="button-row">
            <Button variant="primary" onClick={() => void save()} disabled={saving}>
              {saving ? t('saving') : t('save')}
            </Button>
            <Button onClick={() => setInput(null)} disabled={saving}>
              {t('cancel')}
            </Button>
            {Boolean(failure) && (
              <p className="field__error" role="alert">
                {t(errorMessageKey(failure))}
              </p>
            )}
          </div>
        ) : (
          canEdit && (
            <Button onClick={startEditing} aria-label={t(plan ? 'editLabel' : 'setLabel', { unit: name })}>
              {plan ? t('edit') : t('set')}
            </Button>
          )
        )}
      </td>
    </tr>
  );
}

/** "96 / 120", a bar and "đạt 80,0%"; only the achieved figure when there is no target. */
function Target({ target, done }: { target: number | undefined; done: number | undefined }) {
  const { t } = useTranslation('plans');
  if (target === undefined) {
    return (
      <>
        <span className="plans-table__none">{t('noPlan')}</span>
        {done !== undefined && (
          <span className="plans-table__detail">{t('doneOnly', { done: formatNumber(done) })}</span>
        )}
      </>
    );
  }
  if (done === undefined) return <span className="plans-table__figure">{formatNumber(target)}</span>;
  const pct = percent(done, target);
  const share = formatNumber(pct / 100, { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 });
  return (
    <>
      <span className="plans-table__figure">
        {t('progress', { done: formatNumber(done), target: formatNumber(target) })}
      </span>
      <span className="plans-table__bar" aria-hidden="true">
        <span style={{ width: `${Math.min(100, pct)}%` }} />
      </span>
      <span className="plans-table__detail">{t('achieved', { pct: share })}</span>
    </>
  );
}
