// One group of likely duplicates: the records side by side (a column each; a row per piece of evidence —
// unit, sessions attended, gender, birth year, ethnicity, phone, workplace, consent), a choice of the record
// to keep (the one with most sessions by default), and the merge. Ethnicity is shown: the server lists only
// records inside the organiser's subtree, which they may already see whole.
import { useId, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { DuplicateGroup, PersonEvidence } from '#domain/schemas/people';
import { Button } from '#client/ui/button.tsx';
import { formatDate, formatNumber } from '#client/ui/format.ts';
import { useParticipantLabels } from '#client/ui/participant-form/participant-labels.ts';

export interface DuplicateGroupProps {
  group: DuplicateGroup;
  busy: boolean;
  /** A merge of these records is queued on this device, not yet settled with the server. */
  waiting?: boolean;
  onMerge: (kept: PersonEvidence, merged: PersonEvidence[]) => void;
}

export function DuplicateGroupCard({ group, busy, waiting = false, onMerge }: DuplicateGroupProps) {
  const { t } = useTranslation('people');
  const labels = useParticipantLabels();
  const headingId = useId();
  const [keptId, setKeptId] = useState(group.people[0]!.id);
  const kept = group.people.find((p) => p.id === keptId) ?? group.people[0]!;
  const merged = group.people.filter((p) => p.id !== kept.id);
  const dash = t('none');

  const row = (label: string, cell: (p: PersonEvidence) => ReactNode) => (
    <tr>
      <th scope="row">{label}</th>
      {group.people.map((p) => (
        <td key={p.id}>{cell(p) || dash}</td>
      ))}
    </tr>
  );

  return (
    <section className="duplicate-group" aria-labelledby={headingId}>
      <header className="duplicate-group__header">
        <h2 className="duplicate-group__title" id={headingId}>
          {group.people[0]!.fullName}
        </h2>
        <p className={`duplicate-group__confidence duplicate-group__confidence--${group.confidence}`}>
          {t(`confidence.${group.confidence}`, { score: group.score })}
        </p>
        <ul className="duplicate-group__reasons" aria-label={t('reasonsLabel')}>
          {group.reasons.map((reason) => (
            <li key={reason}>{t(`reasons.${reason}`)}</li>
          ))}
        </ul>
      </header>
      <div className="table-scroll">
        <table className="data-table duplicate-group__table">
          <caption className="visually-hidden">{t('compareCaption', { name: group.people[0]!.fullName })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('fields.record')}</th>
              {group.people.map((p) => (
                <th scope="col" key={p.id}>
                  <span className="duplicate-group__name">{p.fullName}</span>
                  <label className="duplicate-group__keep">
                    <input
                      type="radio"
                      name={`keep-${headingId}`}
                      checked={p.id === kept.id}
                      onChange={() => setKeptId(p.id)}
                    />
                    {t('keep')}
                  </label>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {row(t('fields.unit'), (p) => p.unitName)}
            {row(t('fields.sessions'), (p) => (
              <>
                <strong>
                  {t('sessionsCount', { count: p.sessionsAttended, formatted: formatNumber(p.sessionsAttended) })}
                </strong>
                {p.recentSessions.length > 0 && (
                  <ul className="duplicate-group__sessions">
                    {p.recentSessions.map((s) => (
                      <li key={s.id}>
                        {formatDate(s.startDate)} · {s.title}
                      </li>
                    ))}
                  </ul>
                )}
              </>
            ))}
            {row(t('fields.gender'), (p) => labels.gender(p.gender))}
            {row(t('fields.birthYear'), (p) => (p.birthYear ? String(p.birthYear) : ''))}
            {row(t('fields.ethnicity'), (p) => labels.ethnicity(p.ethnicity))}
            {row(t('fields.phone'), (p) => p.phone ?? '')}
            {row(t('fields.workplace'), (p) => [p.workplace, p.position].filter(Boolean).join(' · '))}
            {row(t('fields.consent'), (p) => `${labels.consent(p.consent.method)} · ${formatDate(p.consent.at)}`)}
          </tbody>
        </table>
      </div>
      <div className="duplicate-group__actions">
        <p className="duplicate-group__hint">{t('mergeHint', { name: kept.fullName, unit: kept.unitName })}</p>
        {waiting ? (
          <p className="pending-merges__state--waiting">{t('pending.waiting')}</p>
        ) : (
          <Button variant="primary" disabled={busy} onClick={() => onMerge(kept, merged)}>
            {t('merge', { count: group.people.length })}
          </Button>
        )}
      </div>
    </section>
  );
}
