// Numbers, dates and sizes in the interface language through Intl: vi-VN prints 83.204 and 22/11/2026.
// Calendar dates (`YYYY-MM-DD`) have no time zone, so they are formatted as UTC to never shift a day.
// Formatters are made once per locale and options and reused: making an Intl formatter costs far more than
// formatting with one, and a list of a few hundred rows formats a thousand dates each time it renders.
import { currentLanguage } from '../i18n';
import type { Locale } from '#domain/schemas/auth';

const intlLocales: Record<Locale, string> = { vi: 'vi-VN', en: 'en-GB' };

/** The BCP 47 locale Intl should use for the current interface language. */
export function intlLocale(language: Locale = currentLanguage()): string {
  return intlLocales[language];
}

const numberFormats = new Map<string, Intl.NumberFormat>();
const dateFormats = new Map<string, Intl.DateTimeFormat>();

function numberFormat(options: Intl.NumberFormatOptions = {}): Intl.NumberFormat {
  const locale = intlLocale();
  const key = `${locale} ${JSON.stringify(options)}`;
  let format = numberFormats.get(key);
  if (!format) numberFormats.set(key, (format = new Intl.NumberFormat(locale, options)));
  return format;
}

function dateFormat(options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const locale = intlLocale();
  const key = `${locale} ${JSON.stringify(options)}`;
  let format = dateFormats.get(key);
  if (!format) dateFormats.set(key, (format = new Intl.DateTimeFormat(locale, options)));
  return format;
}

export function formatNumber(value: number, options?: Intl.NumberFormatOptions): string {
  return numberFormat(options).format(value);
}

/** A percentage given as 0–100 (as the reports API returns it), with one decimal at most. */
export function formatPercent(value: number): string {
  return numberFormat({ style: 'percent', maximumFractionDigits: 1 }).format(value / 100);
}

const calendarDate = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A calendar date (`YYYY-MM-DD`) or an instant, as a short date: 22/11/2026. */
export function formatDate(value: string | Date, options?: Intl.DateTimeFormatOptions): string {
  const base: Intl.DateTimeFormatOptions = options ?? { day: '2-digit', month: '2-digit', year: 'numeric' };
  if (typeof value === 'string') {
    const match = calendarDate.exec(value);
    if (match) {
      const [, year, month, day] = match.map(Number) as [number, number, number, number];
      const utc = new Date(Date.UTC(year, month - 1, day));
      return dateFormat({ ...base, timeZone: 'UTC' }).format(utc);
    }
  }
  return dateFormat(base).format(toDate(value));
}

/** An instant in the device's time zone: 22/11/2026, 09:42. */
export function formatDateTime(value: string | Date | number): string {
  return dateFormat({ day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit' }).format(
    toDate(value),
  );
}

/** An instant as a time of day: 09:42. */
export function formatTime(value: string | Date | number): string {
  return dateFormat({ hour: '2-digit', minute: '2-digit' }).format(toDate(value));
}

const byteUnits = ['byte', 'kilobyte', 'megabyte', 'gigabyte'] as const;

/** A storage size in the largest fitting unit: 1,5 MB. */
export function formatBytes(bytes: number): string {
  let value = Math.max(0, bytes);
  let unit = 0;
  while (value >= 1024 && unit < byteUnits.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return numberFormat({
    style: 'unit',
    unit: byteUnits[unit],
    unitDisplay: 'short',
    maximumFractionDigits: unit === 0 ? 0 : 1,
  }).format(value);
}

function toDate(value: string | Date | number): Date {
  return value instanceof Date ? value : new Date(value);
}
