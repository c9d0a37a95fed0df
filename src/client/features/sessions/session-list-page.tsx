// The trainer's home: their sessions in three sections (today, upcoming, past, by the calendar in
// Vietnam), a search that ignores diacritics, a status filter, and "+ New session" at thumb height.
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { createSearchMatcher } from '../../../domain/rules/normalise';
import { todayIn } from '../../../domain/rules/dates';
import { Button } from '../../ui/button';
import { ButtonLink } from '../../ui/button-link';
import { EmptyState } from '../../ui/empty-state';
import { PlusIcon, SessionsIcon } from '../../ui/icons';
import { Loading } from '../../ui/loading';
import { Page } from '../../ui/page';
import { Select } from '../../ui/select';
import { TextField } from '../../ui/text-field';
import { SessionCard } from './session-card';
import { groupByPeriod, matchesStatusFilter, periods, statusFilters, type StatusFilter } from './session-groups';
import { useSessionList, type SessionListItem } from './use-session-list';
import './sessions.css';

function searchText({ session }: SessionListItem): string {
  return [session.title, session.communeName ?? '', session.placeName].join(' ');
}

export function SessionListPage() {
  const { t } = useTranslation('sessions');
  const items = useSessionList();
  const [query, setQuery] = useState('');
  const [filter, setFilter] = useState<StatusFilter>('all');
  const today = todayIn();

  const groups = useMemo(() => {
    const matches = createSearchMatcher(query);
    const shown = (items ?? []).filter(
      (item) => matchesStatusFilter(item.session, filter) && matches(searchText(item)),
    );
    return groupByPeriod(shown, today);
  }, [items, query, filter, today]);

  const newButton = (
    <div className="thumb-action">
      <ButtonLink to="/sessions/new" variant="primary" block icon={<PlusIcon />} className="button--large">
        {t('list.new')}
      </ButtonLink>
    </div>
  );

  if (!items) return <Loading />;
  if (items.length === 0) {
    return (
      <Page title={t('list.title')}>
        <EmptyState
          icon={<SessionsIcon size={40} />}
          title={t('list.empty')}
          action={<ButtonLink to="/sync">{t('list.emptySync')}</ButtonLink>}
        >
          <p>{t('list.emptyHint')}</p>
        </EmptyState>
        {newButton}
      </Page>
    );
  }

  const found = periods.some((period) => groups[period].length > 0);
  return (
    <Page title={t('list.title')}>
      <search className="session-filters">
        <TextField
          type="search"
          label={t('list.search')}
          placeholder={t('list.searchPlaceholder')}
          value={query}
          onChange={(event) => setQuery(event.target.value)}
          autoComplete="off"
        />
        <Select
          label={t('list.filter')}
          value={filter}
          onChange={(event) => setFilter(event.target.value as StatusFilter)}
          options={statusFilters.map((value) => ({ value, label: t(`filter.${value}`) }))}
        />
      </search>
      {!found && (
        <EmptyState
          title={t('list.noMatch')}
          action={
            <Button onClick={() => { setQuery(''); setFilter('all'); }}>{t('list.clearFilters')}</Button>
          }
        />
      )}
      {periods.map((period) =>
        groups[period].length === 0 ? null : (
          <section key={period} className="session-section" aria-labelledby={`sessions-${period}`}>
            <h2 className="session-section__title" id={`sessions-${period}`}>
              {t(`period.${period}`)} <span className="session-section__count">({groups[period].length})</span>
            </h2>
            <ul className="session-list">
              {groups[period].map((item) => (
                <li key={item.session.id}>
                  <SessionCard item={item} />
                </li>
              ))}
            </ul>
          </section>
        ),
      )}
      {newButton}
    </Page>
  );
}
