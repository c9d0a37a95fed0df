// The sticky footer at thumb height: the live totals "42 người · 30 nữ · 25 DTTS" and the
// "+ Người mới" button (hidden when the roster is read-only). The totals are a group named "Tổng số:".
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { RosterTotals } from '#domain/rules/report-totals';
import { formatNumber } from '#client/ui/format.ts';
import { PlusIcon } from '#client/ui/icons.tsx';

export interface RosterFooterProps {
  totals: RosterTotals;
  onNew?: () => void;
}

export function RosterFooter({ totals, onNew }: RosterFooterProps) {
  const { t } = useTranslation('attendance');
  const labelId = useId();
  return (
    <div className="roster-footer">
      <p className="roster-footer__totals" role="group" aria-labelledby={labelId}>
        <span className="visually-hidden" id={labelId}>
          {t('totals.label')}{' '}
        </span>
        <span className="roster-footer__part">
          {t('totals.people', { count: totals.people, n: formatNumber(totals.people) })}
        </span>
        <span aria-hidden="true"> · </span>
        <span className="roster-footer__part">
          {t('totals.women', { count: totals.women, n: formatNumber(totals.women) })}
        </span>
        <span aria-hidden="true"> · </span>
        <abbr className="roster-footer__part" title={t('totals.ethnicMinorityFull')}>
          {t('totals.ethnicMinority', { count: totals.ethnicMinority, n: formatNumber(totals.ethnicMinority) })}
        </abbr>
      </p>
      {onNew && (
        <button
          type="button"
          className="button button--primary roster-footer__new"
          aria-label={t('quickAdd.openLabel')}
          onClick={onNew}
        >
          <PlusIcon />
          {t('quickAdd.open')}
        </button>
      )}
    </div>
  );
}
