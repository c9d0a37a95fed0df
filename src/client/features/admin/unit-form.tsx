// The unit form, inline in the tree: rename a unit (full and short name), or add a unit under it (with
// its level). Validated with the admin API's unit request schemas.
import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { unitCreateRequestSchema } from '#domain/schemas/admin';
import type { Unit } from '#domain/schemas/reference';
import { Select } from '#client/ui/select.tsx';
import { TextField } from '#client/ui/text-field.tsx';
import { createUnit, updateUnit } from './admin-api';
import { fieldErrorText, showServerFieldErrors } from './form-errors';
import { PanelActions } from './user-panels';

const formSchema = unitCreateRequestSchema.pick({ kind: true, name: true, shortName: true });
type Values = z.infer<typeof formSchema>;

export interface UnitFormProps {
  /** Rename this unit, or add a child under it. */
  unit: Unit;
  mode: 'rename' | 'addChild';
  onSaved: (unit: Unit) => void;
  onCancel: () => void;
}

export function UnitForm({ unit, mode, onSaved, onCancel }: UnitFormProps) {
  const { t } = useTranslation('admin');
  const { register, handleSubmit, setError, formState } = useForm<Values>({
    resolver: zodResolver(formSchema),
    defaultValues:
      mode === 'rename'
        ? { kind: unit.kind, name: unit.name, shortName: unit.shortName }
        : { kind: 'grassroots', name: '', shortName: '' },
  });
  const [failure, setFailure] = useState<unknown>(null);
  const { errors, isSubmitting } = formState;

  async function save({ kind, name, shortName }: Values) {
    setFailure(null);
    try {
      onSaved(
        mode === 'rename'
          ? await updateUnit(unit.id, { name, shortName })
          : await createUnit({ parentId: unit.id, kind, name, shortName, provinceCode: unit.provinceCode }),
      );
    } catch (error) {
      if (!showServerFieldErrors(error, ['kind', 'name', 'shortName'], setError)) setFailure(error);
    }
  }

  return (
    <form className="admin-panel" noValidate onSubmit={(event) => void handleSubmit(save)(event)}>
      {mode === 'addChild' && (
        <p className="admin-panel__title">{t('units.addChildTitle', { unit: unit.shortName })}</p>
      )}
      <div className="admin-form__grid">
        <TextField label={t('units.name')} error={fieldErrorText(t, errors, 'name')} {...register('name')} />
        <TextField
          label={t('units.shortName')}
          hint={t('units.shortNameHint')}
          error={fieldErrorText(t, errors, 'shortName')}
          {...register('shortName')}
        />
        {mode === 'addChild' && (
          <Select
            label={t('units.kind')}
            error={fieldErrorText(t, errors, 'kind')}
            options={(['intermediate', 'grassroots'] as const).map((k) => ({ value: k, label: t(`units.kinds.${k}`) }))}
            {...register('kind')}
          />
        )}
      </div>
      <PanelActions failure={failure} saving={isSubmitting} onCancel={onCancel} />
    </form>
  );
}
