// Which days of a multi-day course one person attended: a toggle button per day (N1, N2…), all on by
// default (no `days` = every day). The last day left on cannot be switched off: removing the person
// from the roster is the way to say "not at all".
import { useTranslation } from 'react-i18next';
import { formatDate } from '#client/ui/format.ts';

export interface DaySelectorProps {
  name: string;
  /** The days attended, or null for every day. */
  days: readonly number[] | null;
  dates: readonly string[];
  readOnly: boolean;
  onToggle: (day: number) => void;
}

export function DaySelector({ name, days, dates, readOnly, onToggle }: DaySelectorProps) {
  const { t } = useTranslation('attendance');
  const selected = new Set(days ?? dates.map((_, i) => i + 1));
  return (
    <div className="day-selector" role="group" aria-label={t('roster.days', { name })}>
      {dates.map((date, index) => {
        const day = index + 1;
        const on = selected.has(day);
        const last = on && selected.size === 1;
        return (
          <button
            key={day}
            type="button"
            className="day-selector__day"
            aria-pressed={on}
            aria-label={t('roster.dayLabel', { n: day, date: formatDate(date) })}
            disabled={readOnly || last}
            onClick={() => onToggle(day)}
          >
            {t('roster.day', { n: day })}
          </button>
        );
      })}
    </div>
  );
}
