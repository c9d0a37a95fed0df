// The trainer's home: their sessions in three sections (today, upcoming, past, by the calendar in
// Vietnam), a search that ignores diacritics, a status filter, and "+ New session" at thumb height.
// A trainer may hold thousands of sessions: the list shows the first PAGE_SIZE that match (today, then
// upcoming, then past) and "show more" adds the next ones, so a pull page re-renders a few dozen cards.
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { createSearchMatcher } from '#domain/rules/normalise';
import { todayIn } from '#domain/rules/dates';
import { Button } from '#client/ui/button.tsx';
import { ButtonLink } from '#client/ui/button-link.tsx';
import { EmptyState } from '#client/ui/empty-state.tsx';
import { PlusIcon, SessionsIcon } from '#client/ui/icons.tsx';
import { Loading } from '#client/ui/loading.tsx';
import { Page } from '#client/ui/page.tsx';
import { Select } from '#client/ui/select.tsx';
import { TextField } from '#client/ui/text-field.tsx';
import { SessionCard } from './session-card';
import {
  groupForList,
  matchesStatusFilter,
  listGroups,
  statusFilters,
  type ListGroup,
  type StatusFilter,
} from './session-groups';
import { peopleOf, useRosterCounts, useSessions, type SessionListItem } from './use-session-list';
import type { LocalSession } from '#client/db/local-rows.ts';
import './sessions.css';

const PAGE_SIZE = 50;

function searchText(session: LocalSession): string {
  return [session.title, session.communeName ?? '', session.placeName].join(' ');
}

export function SessionListPage() {
  const { t } = useTranslation('sessions');
  const sessions = useSessions();
  const [query, setQuery] = useState('');
  const [filter, setFilter] = useState<StatusFilter>('all');
  const [limit, setLimit] = useState(PAGE_SIZE);
  const today = todayIn();
  // A new search or filter starts again from the first page of what it finds.
  const search = (value: string) => {
    setQuery(value);
    setLimit(PAGE_SIZE);
  };
  const narrow = (value: StatusFilter) => {
    setFilter(value);
    setLimit(PAGE_SIZE);
  };

  const { groups, shown, matching } = useMemo(() => {
    const matches = createSearchMatcher(query);
    const found = (sessions ?? [])
      .filter((session) => matchesStatusFilter(session, filter) && matches(searchText(session)))
      .map((session) => ({ session }));
    const all = groupForList(found, today);
    // The first `limit` in the order shown: what needs the trainer, today, upcoming, past.
    let left = limit;
    const firsts = Object.fromEntries(
      listGroups.map((group) => {
        const taken = all[group].slice(0, Math.max(0, left));
        left -= taken.length;
        return [group, taken];
      }),
    ) as Record<ListGroup, { session: LocalSession }[]>;
    return { groups: all, shown: firsts, matching: found.length };
  }, [sessions, query, filter, today, limit]);
  const shownSessions = useMemo(() => listGroups.flatMap((group) => shown[group].map((item) => item.session)), [shown]);
  const counts = useRosterCounts(sessions ? shownSessions : undefined);
  const items = sessions && counts ? sessions : undefined;
  const itemOf = (session: LocalSession): SessionListItem => ({
    session,
    people: counts ? peopleOf(session, counts) : 0,
  });

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

  const found = listGroups.some((group) => groups[group].length > 0);
  return (
    <Page title={t('list.title')}>
      <search className="session-filters">
        <TextField
          type="search"
          label={t('list.search')}
          placeholder={t('list.searchPlaceholder')}
          value={query}
          onChange={(event) => search(event.target.value)}
          autoComplete="off"
        />
        <Select
          label={t('list.filter')}
          value={filter}
          onChange={(event) => narrow(event.target.value as StatusFilter)}
          options={statusFilters.map((value) => ({ value, label: t(`filter.${value}`) }))}
        />
      </search>
      {!found && (
        <EmptyState
          title={t('list.noMatch')}
          action={
            <Button
              onClick={() => {
                search('');
                narrow('all');
              }}
            >
              {t('list.clearFilters')}
            </Button>
          }
        />
      )}
      {listGroups.map((group) =>
        shown[group].length === 0 ? null : (
          <section key={group} className="session-section" aria-labelledby={`sessions-${group}`}>
            <h2 className="session-section__title" id={`sessions-${group}`}>
              {t(`period.${group}`)} <span className="session-section__count">({groups[group].length})</span>
            </h2>
            <ul className="session-list">
              {shown[group].map(({ session }) => (
                <li key={session.id}>
                  <SessionCard item={itemOf(session)} />
                </li>
              ))}
            </ul>
          </section>
        ),
      )}
      {matching > limit && (
        <div className="session-list__more">
          <Button onClick={() => setLimit((l) => l + PAGE_SIZE)}>{t('list.showMore')}</Button>
        </div>
      )}
      {newButton}
    </Page>
  );
}
