// "Add a user": username, full name, role, unit, language and an initial password, validated with the
// admin API's own request schema before anything is sent.
import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { userCreateRequestSchema, type AdminUser } from '#domain/schemas/admin';
import { roles } from '#domain/schemas/auth';
import type { Unit } from '#domain/schemas/reference';
import { Banner } from '#client/ui/banner.tsx';
import { Button } from '#client/ui/button.tsx';
import { Card } from '#client/ui/card.tsx';
import { errorMessageKey } from '#client/ui/error-message.ts';
import { Select } from '#client/ui/select.tsx';
import { TextField } from '#client/ui/text-field.tsx';
import { createUser } from './admin-api';
import { fieldErrorText, showServerFieldErrors } from './form-errors';
import { unitOptions } from './unit-options';

type Input = z.input<typeof userCreateRequestSchema>;
type Values = z.output<typeof userCreateRequestSchema>;
const fields = ['username', 'displayName', 'role', 'unitId', 'locale', 'password'] as const;

export function UserCreateForm({ units, onCreated }: { units: readonly Unit[]; onCreated: (user: AdminUser) => void }) {
  const { t } = useTranslation('admin');
  const { register, handleSubmit, reset, setError, formState } = useForm<Input, unknown, Values>({
    resolver: zodResolver(userCreateRequestSchema),
    defaultValues: { username: '', displayName: '', role: 'trainer', unitId: '', locale: 'vi', password: '' },
  });
  const { errors, isSubmitting } = formState;
  const [failure, setFailure] = useState<unknown>(null);
  const [created, setCreated] = useState<string | null>(null);
  const errorOf = (field: (typeof fields)[number]) => fieldErrorText(t, errors, field);

  async function save(values: Values) {
    setFailure(null);
    setCreated(null);
    try {
      const user = await createUser(values);
      onCreated(user);
      setCreated(user.username);
      reset();
    } catch (error) {
      if (!showServerFieldErrors(error, fields, setError)) setFailure(error);
    }
  }

  return (
    <Card title={t('users.create')}>
      <form className="admin-form" noValidate onSubmit={(event) => void handleSubmit(save)(event)}>
        <div className="admin-form__grid">
          <TextField
            label={t('users.username')}
            hint={t('users.usernameHint')}
            autoComplete="off"
            autoCapitalize="none"
            spellCheck={false}
            error={errorOf('username')}
            {...register('username')}
          />
          <TextField
            label={t('users.displayName')}
            autoComplete="off"
            error={errorOf('displayName')}
            {...register('displayName')}
          />
          <Select
            label={t('users.role')}
            error={errorOf('role')}
            options={roles.map((role) => ({ value: role, label: t(`roles.${role}`) }))}
            {...register('role')}
          />
          <Select
            label={t('users.unit')}
            error={errorOf('unitId')}
            options={[{ value: '', label: '—' }, ...unitOptions(units)]}
            {...register('unitId')}
          />
          <Select
            label={t('users.locale')}
            options={(['vi', 'en'] as const).map((l) => ({ value: l, label: t(`locales.${l}`) }))}
            {...register('locale')}
          />
          <TextField
            label={t('users.password')}
            hint={t('users.passwordHint')}
            type="text"
            autoComplete="new-password"
            spellCheck={false}
            error={errorOf('password')}
            {...register('password')}
          />
        </div>
        {Boolean(failure) && <Banner tone="danger">{t(errorMessageKey(failure))}</Banner>}
        {created && <Banner tone="success">{t('users.created', { username: created })}</Banner>}
        <Button type="submit" variant="primary" disabled={isSubmitting}>
          {isSubmitting ? t('actions.saving') : t('users.createSubmit')}
        </Button>
      </form>
    </Card>
  );
}
