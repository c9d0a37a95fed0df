// The participant form, shared by the roster's quick-add sheet and the registry: name, gender (three
// large buttons), birth year, ethnicity, then optional contact and union details, and the consent the
// person gave (required, never preselected: domain README, personal data). Validation is the record's
// own schema; a refusal from the local write is shown on the fields it names.
import { zodResolver } from '@hookform/resolvers/zod';
import { useState, type ReactNode } from 'react';
import { Controller, useForm, type FieldErrors } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { consentMethodSchema, genderSchema, unionRoles } from '#domain/schemas/participant';
import { MutationError } from '#domain/mutators/mutation-error';
import { Banner } from '../banner';
import { Button } from '../button';
import { Select } from '../select';
import { TextField } from '../text-field';
import { ChoiceGroup } from './choice-group';
import { EthnicityPicker } from './ethnicity-picker';
import {
  participantFieldsFrom,
  participantFormSchema,
  type ParticipantFields,
  type ParticipantFormField,
  type ParticipantFormInput,
  type ParticipantFormValues,
} from './participant-form-schema';
import { saveErrorKey } from './save-error';
import './participant-form.css';

const extraFields: readonly ParticipantFormField[] = ['phone', 'workplace', 'position', 'unionRole'];

export interface ParticipantFormProps {
  defaults: ParticipantFormInput;
  submitLabel: string;
  /** Saves the record; a rejection is shown on the form. */
  onSubmit: (fields: ParticipantFields) => Promise<void>;
  /** Extra buttons next to the submit button (cancel). */
  secondaryAction?: ReactNode;
  autoFocusName?: boolean;
}

export function ParticipantForm({
  defaults,
  submitLabel,
  onSubmit,
  secondaryAction,
  autoFocusName,
}: ParticipantFormProps) {
  const { t } = useTranslation('participants');
  const form = useForm<ParticipantFormInput, unknown, ParticipantFormValues>({
    resolver: zodResolver(participantFormSchema),
    defaultValues: defaults,
  });
  const { register, control, handleSubmit, setError, formState } = form;
  const { errors, isSubmitting } = formState;
  const [failureKey, setFailureKey] = useState<string | null>(null);
  const [moreOpen, setMoreOpen] = useState(() => extraFields.some((field) => Boolean(defaults[field])));
  const errorOf = (field: ParticipantFormField) => (errors[field] ? t(`form.errors.${field}`) : null);

  async function save(values: ParticipantFormValues) {
    setFailureKey(null);
    try {
      await onSubmit(participantFieldsFrom(values));
    } catch (error) {
      showRefusal(error);
    }
  }

  function showRefusal(error: unknown) {
    const fields = error instanceof MutationError ? Object.keys(error.fields ?? {}) : [];
    for (const path of fields) {
      const field = (path.startsWith('consent') ? 'consentMethod' : path) as ParticipantFormField;
      if (field in defaults) setError(field, { type: 'server' });
    }
    setFailureKey(saveErrorKey(error));
  }

  function revealInvalid(invalid: FieldErrors<ParticipantFormInput>) {
    if (extraFields.some((field) => invalid[field])) setMoreOpen(true);
  }

  return (
    <form className="participant-form" noValidate onSubmit={(event) => void handleSubmit(save, revealInvalid)(event)}>
      <TextField
        label={t('form.fullName')}
        autoComplete="off"
        autoCapitalize="words"
        autoFocus={autoFocusName}
        error={errorOf('fullName')}
        {...register('fullName')}
      />
      <ChoiceGroup
        legend={t('form.gender')}
        options={genderSchema.options.map((value) => ({ value, label: t(`gender.${value}`) }))}
        error={errorOf('gender')}
        {...register('gender')}
      />
      <TextField
        label={t('form.birthYear')}
        hint={t('form.birthYearHint')}
        inputMode="numeric"
        autoComplete="off"
        maxLength={4}
        className="field--short"
        error={errorOf('birthYear')}
        {...register('birthYear')}
      />
      <Controller
        control={control}
        name="ethnicity"
        render={({ field }) => (
          <EthnicityPicker value={field.value} onChange={field.onChange} error={errorOf('ethnicity')} />
        )}
      />
      <details className="participant-form__more" open={moreOpen} onToggle={(e) => setMoreOpen(e.currentTarget.open)}>
        <summary>{t('form.more')}</summary>
        <TextField
          label={t('form.phone')}
          hint={t('form.phoneHint')}
          type="tel"
          inputMode="tel"
          autoComplete="off"
          error={errorOf('phone')}
          {...register('phone')}
        />
        <TextField
          label={t('form.workplace')}
          autoComplete="off"
          error={errorOf('workplace')}
          {...register('workplace')}
        />
        <TextField
          label={t('form.position')}
          autoComplete="off"
          error={errorOf('position')}
          {...register('position')}
        />
        <Select
          label={t('form.unionRole')}
          options={[
            { value: '', label: t('form.unionRoleNone') },
            ...unionRoles.map((value) => ({ value, label: t(`unionRole.${value}`) })),
          ]}
          error={errorOf('unionRole')}
          {...register('unionRole')}
        />
      </details>
      <ChoiceGroup
        legend={t('form.consent')}
        hint={t('form.consentHint')}
        layout="column"
        options={consentMethodSchema.options.map((value) => ({ value, label: t(`consent.${value}`) }))}
        error={errorOf('consentMethod')}
        {...register('consentMethod')}
      />
      <TextField
        label={t('form.consentAt')}
        type="date"
        className="field--short"
        error={errorOf('consentAt')}
        {...register('consentAt')}
      />
      {failureKey && <Banner tone="danger">{t(failureKey)}</Banner>}
      <div className="participant-form__actions">
        <Button type="submit" variant="primary" disabled={isSubmitting}>
          {isSubmitting ? t('common:status.saving') : submitLabel}
        </Button>
        {secondaryAction}
      </div>
    </form>
  );
}
