// One person on the roster: name, "Nữ · Thái · 1985", the days attended for a multi-day course, and
// the remove button. Rows re-render only when what they show changes (memo over plain values), so
// adding the 500th person repaints one row, not the list.
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { EthnicityCode, Gender } from '#domain/schemas/participant';
import { useParticipantLabels } from '#client/ui/participant-form/participant-labels.ts';
import { DaySelector } from './day-selector';

export interface RosterRowProps {
  attendanceId: string;
  name: string | undefined;
  gender: Gender | undefined;
  ethnicity: EthnicityCode | null | undefined;
  birthYear: number | null | undefined;
  /** `days.join(',')`, '' for every day: a plain value, so memo compares it. */
  daysKey: string;
  /** The session's dates when it lasts several days, else empty. */
  dates: readonly string[];
  rejected: boolean;
  readOnly: boolean;
  onRemove: (attendanceId: string) => void;
  onToggleDay: (attendanceId: string, day: number) => void;
}

export const RosterRow = memo(function RosterRow(props: RosterRowProps) {
  const { attendanceId, name, gender, ethnicity, birthYear, daysKey, dates, rejected, readOnly } = props;
  const { t } = useTranslation('attendance');
  const labels = useParticipantLabels();
  const shownName = name ?? t('roster.unknownPerson');
  const summary = gender ? labels.summary({ gender, ethnicity, birthYear }) : '';
  return (
    <div className="roster-row">
      <div className="roster-row__main">
        <div className="roster-row__text">
          <span className="roster-row__name">{shownName}</span>
          {summary && <span className="roster-row__meta">{summary}</span>}
          {rejected && <span className="roster-row__flag">{t('roster.rejected')}</span>}
        </div>
        {!readOnly && (
          <button
            type="button"
            className="button button--secondary roster-row__remove"
            aria-label={t('roster.removeLabel', { name: shownName })}
            onClick={() => props.onRemove(attendanceId)}
          >
            {t('roster.remove')}
          </button>
        )}
      </div>
      {dates.length > 1 && (
        <DaySelector
          name={shownName}
          days={daysKey === '' ? null : daysKey.split(',').map(Number)}
          dates={dates}
          readOnly={readOnly}
          onToggle={(day) => props.onToggleDay(attendanceId, day)}
        />
      )}
    </div>
  );
});
