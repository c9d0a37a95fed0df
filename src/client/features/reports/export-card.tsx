// Downloads of the filtered sessions: plain links to GET /api/reports/export.{xlsx,csv} carrying the
// filters (a GET needs no CSRF header, and the browser's own download keeps working on a slow link).
// "Hide counts under 5" is for tables that will be published; named lists are opt-in (sensitive data).
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '#client/i18n.ts';
import { Banner } from '#client/ui/banner.tsx';
import { Card } from '#client/ui/card.tsx';
import { InstallIcon } from '#client/ui/icons.tsx';
import { reportSearchParams, type ReportFilters } from '#client/ui/report-filters.ts';
import { useOnlineStatus } from '#client/ui/use-online-status.ts';

export function exportHref(
  kind: 'xlsx' | 'csv',
  filters: ReportFilters,
  options: { suppressSmall: boolean; names: boolean },
): string {
  const extra: Record<string, string> = { lang: currentLanguage() };
  if (options.suppressSmall) extra.suppressSmall = '1';
  if (kind === 'xlsx') extra.names = options.names ? '1' : '0';
  return `/api/reports/export.${kind}?${reportSearchParams(filters, extra).toString()}`;
}

export function ExportCard({ filters }: { filters: ReportFilters }) {
  const { t } = useTranslation('reports');
  const online = useOnlineStatus();
  const [suppressSmall, setSuppressSmall] = useState(false);
  const [names, setNames] = useState(false);
  const options = { suppressSmall, names };
  return (
    <Card title={t('export.title')}>
      <Toggle
        label={t('export.suppress')}
        hint={t('export.suppressHint')}
        checked={suppressSmall}
        onChange={setSuppressSmall}
      />
      <Toggle label={t('export.names')} hint={t('export.namesHint')} checked={names} onChange={setNames} />
      {online ? (
        <div className="button-row export-card__downloads">
          <a className="button button--primary" href={exportHref('xlsx', filters, options)} download>
            <InstallIcon />
            {t('export.xlsx')}
          </a>
          <a className="button button--secondary" href={exportHref('csv', filters, options)} download>
            <InstallIcon />
            {t('export.csv')}
          </a>
        </div>
      ) : (
        <Banner tone="warning">{t('export.offline')}</Banner>
      )}
      <h3 className="export-card__subtitle">{t('export.contentsTitle')}</h3>
      <ul className="export-card__contents">
        <li>{t('export.csvContents')}</li>
        <li>{t('export.xlsxContents')}</li>
        <li>{t('export.namedContents')}</li>
      </ul>
    </Card>
  );
}

function Toggle({
  label,
  hint,
  checked,
  onChange,
}: {
  label: string;
  hint: string;
  checked: boolean;
  onChange: (value: boolean) => void;
}) {
  const hintId = useId();
  return (
    <div className="switch-field">
      <label className="switch">
        <input
          type="checkbox"
          role="switch"
          className="switch__input"
          checked={checked}
          aria-describedby={hintId}
          onChange={(e) => onChange(e.target.checked)}
        />
        <span className="switch__track" aria-hidden="true" />
        <span className="switch__label">{label}</span>
      </label>
      <p className="field__hint" id={hintId}>
        {hint}
      </p>
    </div>
  );
}
