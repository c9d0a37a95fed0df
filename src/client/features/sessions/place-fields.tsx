// Province and commune. The province defaults to the trainer's unit's; the commune is found by a
// search that ignores diacritics ("con cuong" finds "Xã Con Cuông"). What is stored: the code, the
// code set it belongs to (codes are reused across reforms) and the name as written today.
import { useState } from 'react';
import { useFormContext, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { ADMIN_SET } from '#domain/schemas/session';
import { Button } from '#client/ui/button.tsx';
import { Select } from '#client/ui/select.tsx';
import { TextField } from '#client/ui/text-field.tsx';
import { fieldIds, focusField } from './field-ids';
import type { SessionFormValues } from './session-form-schema';
import { useAdminUnits } from './use-admin-units';

const change = { shouldDirty: true } as const;
const RESULT_LIMIT = 8;

export function PlaceFields() {
  const { t, i18n } = useTranslation('sessions');
  const { control, setValue } = useFormContext<SessionFormValues>();
  const [provinceCode, communeCode, communeName] = useWatch({
    control,
    name: ['provinceCode', 'communeCode', 'communeName'],
  });
  const { units, failed } = useAdminUnits();
  const [query, setQuery] = useState('');
  const english = i18n.language.startsWith('en');

  if (failed) return <p className="field__error">{t('editor.adminUnitsFailed')}</p>;
  if (!units) return <p className="field__hint">{t('editor.adminUnitsLoading')}</p>;

  const provinces = units.listProvinces();
  const results = query.trim() ? units.searchCommunes(query, { provinceCode, limit: RESULT_LIMIT }) : [];

  const chooseProvince = (code: string) => {
    setValue('provinceCode', code, change);
    setValue('communeCode', null, change);
    setValue('communeName', null, change);
    setQuery('');
  };
  const chooseCommune = (code: string, name: string) => {
    setValue('communeCode', code, change);
    setValue('communeName', name, change);
    setValue('adminSet', ADMIN_SET, change);
    setQuery('');
  };
  const changeCommune = () => {
    setValue('communeCode', null, change);
    setValue('communeName', null, change);
    setTimeout(() => focusField(fieldIds.commune));
  };

  return (
    <>
      <Select
        id={fieldIds.province}
        label={t('editor.province')}
        value={provinceCode}
        onChange={(event) => chooseProvince(event.target.value)}
        options={provinces.map((p) => ({ value: p.code, label: english ? p.nameEn : p.name }))}
      />
      {communeCode ? (
        <div className="field">
          <p className="field__label" id="session-commune-label">
            {t('editor.commune')}
          </p>
          <div className="chosen" role="group" aria-labelledby="session-commune-label">
            <span className="chosen__name">{communeName ?? units.communeByCode(communeCode)?.fullName}</span>
            <Button onClick={changeCommune}>{t('editor.changeCommune')}</Button>
          </div>
        </div>
      ) : (
        <div className="commune-search">
          <TextField
            id={fieldIds.commune}
            type="search"
            label={t('editor.commune')}
            hint={t('editor.communeHint')}
            value={query}
            onChange={(event) => setQuery(event.target.value)}
            autoComplete="off"
          />
          {query.trim() && (
            <p className="visually-hidden" role="status">
              {t('editor.communeResults', { count: results.length })}
            </p>
          )}
          {query.trim() && results.length === 0 && <p className="field__hint">{t('editor.communeNone')}</p>}
          {results.length > 0 && (
            <ul className="choice-list" aria-label={t('editor.communeResultsLabel')}>
              {results.map((commune) => (
                <li key={commune.code}>
                  <button
                    type="button"
                    className="choice"
                    onClick={() => chooseCommune(commune.code, commune.fullName)}
                  >
                    {commune.fullName}
                  </button>
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </>
  );
}
