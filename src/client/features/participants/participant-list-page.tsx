// The unit's participant registry (/participants): a search with the roster's matching (no
// diacritics needed, phone digits too), how many people there are, and a virtualised list of links
// to each person. "Thêm người" opens an empty form at /participants/new.
import { useWindowVirtualizer } from '@tanstack/react-virtual';
import { useDeferredValue, useId, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useAuth } from '#client/app/auth-state.ts';
import { participantMatcher } from '#client/db/participant-search.ts';
import type { LocalParticipant } from '#client/db/local-rows.ts';
import { ButtonLink } from '#client/ui/button-link.tsx';
import { EmptyState } from '#client/ui/empty-state.tsx';
import { formatNumber } from '#client/ui/format.ts';
import { ParticipantsIcon, PlusIcon } from '#client/ui/icons.tsx';
import { Loading } from '#client/ui/loading.tsx';
import { Page } from '#client/ui/page.tsx';
import { useParticipantLabels } from '#client/ui/participant-form/participant-labels.ts';
import { useUnitParticipants } from './use-participants';
import './participants.css';

export function ParticipantListPage() {
  const { t } = useTranslation('participants');
  const { user } = useAuth();
  const people = useUnitParticipants(user?.unitId);
  const [query, setQuery] = useState('');
  const deferred = useDeferredValue(query).trim();
  const searchId = useId();
  const shown = useMemo(
    () => (people && deferred ? people.filter(participantMatcher(deferred)) : people),
    [people, deferred],
  );
  const addButton = (
    <ButtonLink to="/participants/new" variant="primary" block icon={<PlusIcon />}>
      {t('list.add')}
    </ButtonLink>
  );

  if (!people || !shown) {
    return (
      <Page title={t('list.title')}>
        <Loading />
      </Page>
    );
  }
  const total = formatNumber(people.length);
  return (
    <Page title={t('list.title')}>
      {people.length === 0 ? (
        <EmptyState title={t('list.empty')} icon={<ParticipantsIcon size={40} />}>
          <p>{t('list.emptyHint')}</p>
        </EmptyState>
      ) : (
        <>
          <div className="field registry-search" role="search">
            <label className="field__label" htmlFor={searchId}>
              {t('list.search')}
            </label>
            <input
              id={searchId}
              type="search"
              className="field__input"
              placeholder={t('list.searchPlaceholder')}
              autoComplete="off"
              spellCheck={false}
              value={query}
              onChange={(event) => setQuery(event.target.value)}
            />
          </div>
          <p className="registry-count" role="status">
            {deferred
              ? t('list.matches', { shown: formatNumber(shown.length), total, query: deferred })
              : t('list.count', { count: people.length, n: total })}
          </p>
          {deferred && shown.length === 0 && <p className="registry-empty">{t('list.noMatch', { query: deferred })}</p>}
          <RegistryList people={shown} />
        </>
      )}
      <div className="thumb-action">{addButton}</div>
    </Page>
  );
}

function RegistryList({ people }: { people: readonly LocalParticipant[] }) {
  const { t } = useTranslation('participants');
  const labels = useParticipantLabels();
  const listRef = useRef<HTMLUListElement>(null);
  const [scrollMargin, setScrollMargin] = useState(0);
  useLayoutEffect(() => {
    const top = Math.round((listRef.current?.getBoundingClientRect().top ?? 0) + window.scrollY);
    if (top !== scrollMargin) setScrollMargin(top);
  }, [people, scrollMargin]);
  const virtualizer = useWindowVirtualizer({
    count: people.length,
    estimateSize: () => 68,
    overscan: 8,
    scrollMargin,
    getItemKey: (index) => people[index]?.id ?? index,
  });
  return (
    <ul
      ref={listRef}
      role="list"
      className="registry-list"
      aria-label={t('list.listLabel')}
      style={{ height: virtualizer.getTotalSize() }}
    >
      {virtualizer.getVirtualItems().map((item) => {
        const person = people[item.index];
        if (!person) return null;
        return (
          <li
            key={item.key}
            ref={virtualizer.measureElement}
            data-index={item.index}
            aria-setsize={people.length}
            aria-posinset={item.index + 1}
            style={{ transform: `translateY(${item.start - scrollMargin}px)` }}
          >
            <Link className="registry-list__link" to={`/participants/${person.id}`}>
              <span className="registry-list__name">{person.fullName}</span>
              <span className="registry-list__meta">
                {[labels.summary(person), person.phone].filter(Boolean).join(' · ')}
              </span>
            </Link>
          </li>
        );
      })}
    </ul>
  );
}
