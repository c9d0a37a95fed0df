// The chosen dates read back in words ("Thứ Hai, 23/11/2026 · 1 ngày"): the phone's date picker may
// show another calendar format, so the trainer sees the dates as the app understood them.
import { useTranslation } from 'react-i18next';
import { daysBetweenInclusive } from '#domain/rules/dates';
import { formatDate } from '#client/ui/format.ts';

const longDate: Intl.DateTimeFormatOptions = { weekday: 'long', day: '2-digit', month: '2-digit', year: 'numeric' };
const datePattern = /^\d{4}-\d{2}-\d{2}$/;

export function DatesSummary({ startDate, endDate }: { startDate: string; endDate: string }) {
  const { t } = useTranslation('sessions');
  if (!datePattern.test(startDate) || !datePattern.test(endDate) || endDate < startDate) return null;
  const days = daysBetweenInclusive(startDate, endDate);
  const dates =
    days === 1
      ? formatDate(startDate, longDate)
      : `${formatDate(startDate, longDate)} – ${formatDate(endDate, longDate)}`;
  return (
    <p className="dates-summary" aria-live="polite">
      {t('editor.datesSummary', { dates, count: days })}
    </p>
  );
}
