// The organiser's queue of submitted sessions in their unit's subtree, oldest first, read from the
// local database (so it works offline on a tablet), with filters and the returned/approved history.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { Button } from '#client/ui/button.tsx';
import { EmptyState } from '#client/ui/empty-state.tsx';
import { formatNumber } from '#client/ui/format.ts';
import { Loading } from '#client/ui/loading.tsx';
import { Page } from '#client/ui/page.tsx';
import { QueueFilterPanel } from './queue-filter-panel';
import { activeFilterCount, filtersFromParams, paramsFromFilters, queueTabs, type QueueFilters } from './queue-filters';
import { QueueRow } from './queue-row';
import { useReviewQueue } from './use-review-queue';
import './review-queue.css';

const PAGE_SIZE = 25;

const emptyKeys = {
  submitted: 'queue.empty',
  returned: 'queue.emptyReturned',
  approved: 'queue.emptyApproved',
} as const;

export function ReviewQueuePage() {
  const { t } = useTranslation('review');
  const [params, setParams] = useSearchParams();
  const filters = filtersFromParams(params);
  const [limit, setLimit] = useState(PAGE_SIZE);
  const queue = useReviewQueue(filters, limit);
  const change = (next: QueueFilters) => {
    setLimit(PAGE_SIZE);
    setParams(paramsFromFilters(next), { replace: true });
  };
  const filtered = activeFilterCount(filters) > 0;

  return (
    <Page title={t('queue.title')} wide>
      <div className="review-tabs" role="group" aria-label={t('queue.tabsLabel')}>
        {queueTabs.map((tab) => (
          <button
            key={tab}
            type="button"
            className="review-tabs__tab"
            aria-pressed={filters.tab === tab}
            onClick={() => change({ ...filters, tab })}
          >
            {queue
              ? t('queue.tabCount', { label: t(`queue.tabs.${tab}`), n: formatNumber(queue.counts[tab]) })
              : t(`queue.tabs.${tab}`)}
          </button>
        ))}
      </div>
      <QueueFilterPanel filters={filters} onChange={change} />
      {!queue ? (
        <Loading />
      ) : queue.total === 0 ? (
        filtered ? (
          <EmptyState title={t('queue.emptyFiltered')}>
            <p>{t('queue.emptyFilteredHint')}</p>
          </EmptyState>
        ) : (
          <EmptyState title={t(emptyKeys[filters.tab])}>
            {filters.tab === 'submitted' && <p>{t('queue.emptyHint')}</p>}
          </EmptyState>
        )
      ) : (
        <>
          <p className="review-queue__order">
            {filters.tab === 'submitted' ? t('queue.orderSubmitted') : t('queue.orderReviewed')}
          </p>
          <ul className="review-list" aria-label={t('queue.listLabel')}>
            {queue.rows.map((row) => (
              <QueueRow key={row.session.id} row={row} tab={filters.tab} />
            ))}
          </ul>
          {queue.total > queue.rows.length && (
            <div className="review-queue__more">
              <p>{t('queue.shown', { shown: formatNumber(queue.rows.length), total: formatNumber(queue.total) })}</p>
              <Button onClick={() => setLimit((l) => l + PAGE_SIZE)}>{t('queue.showMore')}</Button>
            </div>
          )}
        </>
      )}
    </Page>
  );
}
