// The two inline panels of a user row: change role, unit and name; and reset the password. Each is
// validated with the admin API's own user fields and saved as a PATCH of only what the panel changes.
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
import { errorMessageKey } from '#client/ui/error-message.ts';
import { Select } from '#client/ui/select.tsx';
import { TextField } from '#client/ui/text-field.tsx';
import { updateUser } from './admin-api';
import { fieldErrorText, showServerFieldErrors } from './form-errors';
import { unitOptions } from './unit-options';

interface PanelProps {
  user: AdminUser;
  onSaved: (user: AdminUser) => void;
  onCancel: () => void;
}

const editSchema = userCreateRequestSchema.pick({ displayName: true, role: true, unitId: true });
type EditValues = z.infer<typeof editSchema>;

export function UserEditPanel({ user, units, onSaved, onCancel }: PanelProps & { units: readonly Unit[] }) {
  const { t } = useTranslation('admin');
  const { register, handleSubmit, setError, formState } = useForm<EditValues>({
    resolver: zodResolver(editSchema),
    defaultValues: { displayName: user.displayName, role: user.role, unitId: user.unitId },
  });
  const [failure, setFailure] = useState<unknown>(null);
  const { errors, isSubmitting } = formState;

  async function save(values: EditValues) {
    setFailure(null);
    try {
      onSaved(await updateUser(user.id, values));
    } catch (error) {
      if (!showServerFieldErrors(error, ['displayName', 'role', 'unitId'], setError)) setFailure(error);
    }
  }

  return (
    <form className="admin-panel" noValidate onSubmit={(event) => void handleSubmit(save)(event)}>
      <div className="admin-form__grid">
        <TextField
          label={t('users.displayName')}
          error={fieldErrorText(t, errors, 'displayName')}
          {...register('displayName')}
        />
        <Select
          label={t('users.role')}
          error={fieldErrorText(t, errors, 'role')}
          options={roles.map((role) => ({ value: role, label: t(`roles.${role}`) }))}
          {...register('role')}
        />
        <Select
          label={t('users.unit')}
          error={fieldErrorText(t, errors, 'unitId')}
          options={unitOptions(units)}
          {...register('unitId')}
        />
      </div>
      <PanelActions failure={failure} saving={isSubmitting} onCancel={onCancel} />
    </form>
  );
}

const passwordSchema = userCreateRequestSchema.pick({ password: true });
type PasswordValues = z.infer<typeof passwordSchema>;

export function PasswordResetPanel({ user, onSaved, onCancel }: PanelProps) {
  const { t } = useTranslation('admin');
  const { register, handleSubmit, formState } = useForm<PasswordValues>({
    resolver: zodResolver(passwordSchema),
    defaultValues: { password: '' },
  });
  const [failure, setFailure] = useState<unknown>(null);

  async function save(values: PasswordValues) {
    setFailure(null);
    try {
      onSaved(await updateUser(user.id, values));
    } catch (error) {
      setFailure(error);
    }
  }

  return (
    <form className="admin-panel" noValidate onSubmit={(event) => void handleSubmit(save)(event)}>
      <TextField
        label={t('users.newPassword')}
        hint={t('users.passwordHint')}
        type="text"
        autoComplete="new-password"
        spellCheck={false}
        error={fieldErrorText(t, formState.errors, 'password')}
        {...register('password')}
      />
      <PanelActions failure={failure} saving={formState.isSubmitting} onCancel={onCancel} />
    </form>
  );
}

export interface PanelActionsProps {
  failure: unknown;
  saving: boolean;
  onCancel: () => void;
  /** The submit button's words; "Save" when absent. */
  submitLabel?: string;
}

export function PanelActions({ failure, saving, onCancel, submitLabel }: PanelActionsProps) {
  const { t } = useTranslation('admin');
  return (
    <>
      {Boolean(failure) && <Banner tone="danger">{t(errorMessageKey(failure))}</Banner>}
      <div className="button-row">
        <Button type="submit" variant="primary" disabled={saving}>
          {saving ? t('actions.saving') : (submitLabel ?? t('actions.save'))}
        </Button>
        <Button onClick={onCancel} disabled={saving}>
          {t('actions.cancel')}
        </Button>
      </div>
    </>
  );
}
