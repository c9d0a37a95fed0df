// The search over the unit's registry at the top of the roster: "nguyen thi hoa" finds "Nguyễn Thị
// Hoà", "0912 345" finds the phone number. One tap on a result puts the person on the roster. The
// registry is already in memory, so each keystroke filters without a query; the results panel is
// virtualised in its own box (a one-letter query can match hundreds of people).
import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useDeferredValue, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { participantMatcher } from '#client/db/participant-search.ts';
import type { LocalParticipant } from '#client/db/local-rows.ts';
import { formatNumber } from '#client/ui/format.ts';
import { CheckIcon, PlusIcon } from '#client/ui/icons.tsx';
import { useParticipantLabels } from '#client/ui/participant-form/participant-labels.ts';

const RESULT_HEIGHT = 64;

export interface RosterSearchProps {
  registry: readonly LocalParticipant[];
  onRoster: ReadonlySet<string>;
  onAdd: (participant: LocalParticipant) => void;
  /** Opens the new-person sheet, with what was typed. */
  onCreate: (query: string) => void;
}

export const RosterSearch = memo(function RosterSearch({ registry, onRoster, onAdd, onCreate }: RosterSearchProps) {
  const { t } = useTranslation('attendance');
  const inputId = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const [query, setQuery] = useState('');
  const deferred = useDeferredValue(query).trim();
  const results = useMemo(() => (deferred ? registry.filter(participantMatcher(deferred)) : []), [registry, deferred]);

  function add(participant: LocalParticipant) {
    onAdd(participant);
    setQuery('');
    inputRef.current?.focus();
  }

  return (
    <div className="roster-search" role="search">
      <label className="field__label" htmlFor={inputId}>
        {t('search.label')}
      </label>
      <input
        ref={inputRef}
        id={inputId}
        type="search"
        className="field__input"
        placeholder={t('search.placeholder')}
        autoComplete="off"
        autoCorrect="off"
        spellCheck={false}
        enterKeyHint="search"
        value={query}
        onChange={(event) => setQuery(event.target.value)}
      />
      {deferred && (
        <div className="roster-search__panel">
          <p className="roster-search__count" role="status">
            {results.length === 0
              ? t('search.noMatch', { query: deferred })
              : t('search.count', { count: results.length, n: formatNumber(results.length) })}
          </p>
          {results.length > 0 && <SearchResults results={results} onRoster={onRoster} onAdd={add} />}
          <button type="button" className="button button--secondary button--block" onClick={() => onCreate(deferred)}>
            <PlusIcon />
            {t('search.addNew', { query: deferred })}
          </button>
        </div>
      )}
    </div>
  );
});

interface SearchResultsProps {
  results: readonly LocalParticipant[];
  onRoster: ReadonlySet<string>;
  onAdd: (participant: LocalParticipant) => void;
}

function SearchResults({ results, onRoster, onAdd }: SearchResultsProps) {
  const { t } = useTranslation('attendance');
  const labels = useParticipantLabels();
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: results.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => RESULT_HEIGHT,
    overscan: 8,
  });
  return (
    <div ref={scrollRef} className="roster-search__results">
      <ul role="list" aria-label={t('search.resultsLabel')} style={{ height: virtualizer.getTotalSize() }}>
        {virtualizer.getVirtualItems().map((item) => {
          const person = results[item.index];
          if (!person) return null;
          const added = onRoster.has(person.id);
          const phone = person.phone ? ` · ${person.phone}` : '';
          return (
            <li
              key={person.id}
              aria-setsize={results.length}
              aria-posinset={item.index + 1}
              style={{ transform: `translateY(${item.start}px)`, height: RESULT_HEIGHT }}
            >
              {/* Named by what it shows ("Nguyễn Thị Hoà Nữ · Thái · 1986 Thêm"): a label in other words
                  would hide the details and fail WCAG 2.5.3, label in name (voice control). */}
              <button type="button" className="search-result" disabled={added} onClick={() => onAdd(person)}>
                <span className="search-result__text">
                  <span className="search-result__name">{person.fullName}</span>
                  <span className="search-result__meta">{labels.summary(person) + phone}</span>
                </span>
                <span className="search-result__action">
                  {added ? <CheckIcon size={20} /> : <PlusIcon size={20} />}
                  {added ? t('search.onRoster') : t('search.add')}
                </span>
              </button>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
