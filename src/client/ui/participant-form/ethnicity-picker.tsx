// Choosing a participant's ethnic group by searching every name and spelling ("hmong", "H'Mông",
// "Mèo" → Mông). A name several groups share ("Thổ") lists each of them with a note, and nothing is
// ever chosen for the trainer: every choice is a tap. "Prefers not to say" and "foreigner" are always
// offered; leaving the field empty is allowed too (ethnicity is optional, domain README).
import { useDeferredValue, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ETHNICITY_EXTENSIONS, ethnicGroupByKey, findEthnicGroups } from '#domain/reference/ethnic-groups';
import type { EthnicityCode } from '#domain/schemas/participant';
import { groupName, useParticipantLabels } from './participant-labels';

/** Groups offered before anything is typed: the largest in the northern mountain provinces. */
const commonGroupKeys = ['kinh', 'thai', 'mong', 'tay', 'dao', 'kho-mu', 'tho', 'muong'];

export interface EthnicityPickerProps {
  /** A group code, 'foreign', 'undisclosed', or '' for not recorded. */
  value: EthnicityCode;
  onChange: (value: EthnicityCode) => void;
  error?: string | null;
}

export function EthnicityPicker({ value, onChange, error }: EthnicityPickerProps) {
  const { t, i18n } = useTranslation('participants');
  const labels = useParticipantLabels();
  const [editing, setEditing] = useState(value === '');
  const [query, setQuery] = useState('');
  const deferredQuery = useDeferredValue(query);
  const searchRef = useRef<HTMLInputElement>(null);
  const changeRef = useRef<HTMLButtonElement>(null);
  const focusNext = useRef<'search' | 'change' | null>(null);
  const hintId = useId();
  const errorId = useId();

  useEffect(() => {
    if (focusNext.current === 'search') searchRef.current?.focus();
    if (focusNext.current === 'change') changeRef.current?.focus();
    focusNext.current = null;
  }, [editing]);

  function choose(code: EthnicityCode) {
    onChange(code);
    setQuery('');
    focusNext.current = code === '' ? 'search' : 'change';
    setEditing(code === '');
  }

  const matches = deferredQuery.trim() ? findEthnicGroups(deferredQuery, 8) : [];
  const ambiguousName = matches.find((m) => m.ambiguous)?.matchedName;
  const showSearch = editing || value === '';

  return (
    <fieldset
      className={['field', 'ethnicity-picker', error ? 'field--invalid' : ''].filter(Boolean).join(' ')}
      aria-describedby={[hintId, error ? errorId : ''].filter(Boolean).join(' ')}
    >
      <legend className="field__label">{t('ethnicity.label')}</legend>
      <p className="field__hint" id={hintId}>
        {t('ethnicity.hint')}
      </p>
      {value !== '' && (
        <div className="ethnicity-picker__chosen">
          <span className="ethnicity-picker__value">{labels.ethnicity(value)}</span>
          {!editing && (
            <>
              <button
                ref={changeRef}
                type="button"
                className="button button--secondary"
                aria-label={t('ethnicity.changeLabel', { name: labels.ethnicity(value) })}
                onClick={() => {
                  focusNext.current = 'search';
                  setEditing(true);
                }}
              >
                {t('ethnicity.change')}
              </button>
              <button type="button" className="button button--quiet" onClick={() => choose('')}>
                {t('ethnicity.clear')}
              </button>
            </>
          )}
        </div>
      )}
      {showSearch && (
        <>
          <input
            ref={searchRef}
            type="search"
            className="field__input"
            aria-label={t('ethnicity.search')}
            placeholder={t('ethnicity.searchPlaceholder')}
            autoComplete="off"
            autoCorrect="off"
            spellCheck={false}
            value={query}
            onChange={(event) => setQuery(event.target.value)}
          />
          {ambiguousName && (
            <p className="ethnicity-picker__note" role="note">
              {t('ethnicity.ambiguous', { name: ambiguousName })}
            </p>
          )}
          {deferredQuery.trim() && matches.length === 0 && (
            <p className="ethnicity-picker__note" role="status">
              {t('ethnicity.none', { query: deferredQuery.trim() })}
            </p>
          )}
          <ul
            className="choice-list"
            aria-label={deferredQuery.trim() ? t('ethnicity.results') : t('ethnicity.common')}
          >
            {(deferredQuery.trim() ? matches : commonMatches()).map(({ group, matchedName, isAlias }) => {
              const name = groupName(group, i18n.language);
              const note = isAlias ? t('ethnicity.alias', { name: matchedName }) : '';
              return (
                <li key={group.code2008}>
                  <button
                    type="button"
                    className="choice-list__option"
                    aria-label={note ? `${name}, ${note}` : undefined}
                    aria-pressed={value === group.code2008}
                    onClick={() => choose(group.code2008)}
                  >
                    <span className="choice-list__main">{name}</span>
                    {note && <span className="choice-list__note">{note}</span>}
                  </button>
                </li>
              );
            })}
          </ul>
          <div className="ethnicity-picker__extensions">
            {ETHNICITY_EXTENSIONS.map((code) => (
              <button
                key={code}
                type="button"
                className="button button--secondary"
                aria-pressed={value === code}
                onClick={() => choose(code)}
              >
                {t(`ethnicity.${code}`)}
              </button>
            ))}
            {editing && value !== '' && (
              <button type="button" className="button button--quiet" onClick={() => choose(value)}>
                {t('ethnicity.keep')}
              </button>
            )}
          </div>
        </>
      )}
      {error && (
        <p className="field__error" id={errorId}>
          {error}
        </p>
      )}
    </fieldset>
  );
}

function commonMatches() {
  return commonGroupKeys.flatMap((key) => {
    const group = ethnicGroupByKey(key);
    return group ? [{ group, matchedName: group.nameVi, isAlias: false }] : [];
  });
}
