// The key figures as tiles, in the counting words of the federations' reports: sessions (buổi),
// participant-turns (lượt người), people (người), of which women and ethnic minorities (turns and share),
// and progress against the plan (đạt …% kế hoạch) with a bar and its words.
import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ReportSummary } from '#domain/schemas/report';
import { formatCount, formatShare } from './format-figures';

export function KpiTiles({ summary }: { summary: ReportSummary }) {
  const { t } = useTranslation('dashboard');
  return (
    <div className="kpi-tiles" role="group" aria-label={t('kpi.label')}>
      <Tile label={t('kpi.sessions')} value={formatCount(summary.sessions)} hint={t('kpi.sessionsHint')} />
      <Tile label={t('kpi.turns')} value={formatCount(summary.participantTurns)} hint={t('kpi.turnsHint')} />
      <Tile label={t('kpi.people')} value={formatCount(summary.uniqueParticipants)} hint={t('kpi.peopleHint')} />
      <Tile
        label={t('kpi.women')}
        value={formatCount(summary.women.turns)}
        hint={t('kpi.shareOfTurns', { pct: formatShare(summary.women.pct) })}
      />
      <Tile
        label={t('kpi.ethnicMinority')}
        value={formatCount(summary.ethnicMinority.turns)}
        hint={t('kpi.shareOfTurns', { pct: formatShare(summary.ethnicMinority.pct) })}
      />
      <PlanTile summary={summary} />
    </div>
  );
}

function Tile({
  label,
  value,
  hint,
  children,
  wide,
}: {
  label: string;
  value: string;
  hint?: string;
  children?: ReactNode;
  wide?: boolean;
}) {
  const labelId = useId();
  return (
    <div className={wide ? 'kpi kpi--wide' : 'kpi'} role="group" aria-labelledby={labelId}>
      <p className="kpi__label" id={labelId}>
        {label}
      </p>
      <p className="kpi__value">{value}</p>
      {hint && <p className="kpi__hint">{hint}</p>}
      {children}
    </div>
  );
}

function PlanTile({ summary }: { summary: ReportSummary }) {
  const { t } = useTranslation('dashboard');
  const plan = summary.plan;
  if (!plan) {
    return (
      <Tile label={t('kpi.plan')} value={t('kpi.noPlan')} hint={t('kpi.noPlanHint')} wide>
        <Link className="kpi__link" to="/plans">
          {t('kpi.setPlan')}
        </Link>
      </Tile>
    );
  }
  return (
    <Tile label={t('kpi.plan')} value={t('kpi.planAchieved', { pct: formatShare(plan.participantTurnsPct) })} wide>
      <div className="kpi__measures">
        <div>
          <p className="kpi__hint">
            {t('kpi.planTurns', {
              done: formatCount(summary.participantTurns),
              target: formatCount(plan.targetParticipantTurns),
            })}
          </p>
          <ProgressBar pct={plan.participantTurnsPct} label={t('kpi.turns')} />
        </div>
        <div>
          <p className="kpi__hint">
            {t('kpi.planSessions', {
              done: formatCount(summary.sessions),
              target: formatCount(plan.targetSessions),
              pct: formatShare(plan.sessionsPct),
            })}
          </p>
          <ProgressBar pct={plan.sessionsPct} label={t('kpi.sessions')} />
        </div>
      </div>
    </Tile>
  );
}

/** A bar that fills up to 100% (a plan can be exceeded: the words then say 112,0%). */
function ProgressBar({ pct, label }: { pct: number; label: string }) {
  const shown = Math.min(100, Math.max(0, pct));
  return (
    <div
      className="progress"
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={shown}
      aria-valuetext={formatShare(pct)}
    >
      <div className="progress__fill" style={{ width: `${shown}%` }} />
    </div>
  );
}
