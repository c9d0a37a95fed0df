// The topic form: add a topic (its fixed key, suggested from the Vietnamese name; both names; the
// gender-equality fields it addresses) or edit the names and fields of one.
// Validated with the admin API's topic request schema.
import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { foldDiacritics } from '#domain/rules/normalise';
import { topicCreateRequestSchema } from '#domain/schemas/admin';
import { genderEqualityFields, type Topic } from '#domain/schemas/reference';
import { TextField } from '#client/ui/text-field.tsx';
import { createTopic, updateTopic } from './admin-api';
import { fieldErrorText, showServerFieldErrors } from './form-errors';
import { PanelActions } from './user-panels';

type Input = z.input<typeof topicCreateRequestSchema>;
type Values = z.output<typeof topicCreateRequestSchema>;
const formFields = ['key', 'nameVi', 'nameEn', 'fields'] as const;

/** "Phòng, chống bạo lực gia đình" → "phong-chong-bao-luc-gia-dinh". */
export function suggestTopicKey(nameVi: string): string {
  return foldDiacritics(nameVi)
    .replace(/[^a-z0-9]+/g, '-')
    .slice(0, 60)
    .replace(/^-+|-+$/g, '');
}

export interface TopicFormProps {
  /** The topic to edit; a new one when absent. */
  topic?: Topic;
  /** The space a new topic joins; absent means the caller's own (organisers). */
  spaceId?: string;
  onSaved: (topic: Topic) => void;
  onCancel?: () => void;
}

export function TopicForm({ topic, spaceId, onSaved, onCancel }: TopicFormProps) {
  const { t } = useTranslation('admin');
  const { register, handleSubmit, setError, setValue, getFieldState, reset, formState } = useForm<
    Input,
    unknown,
    Values
  >({
    resolver: zodResolver(topicCreateRequestSchema),
    defaultValues: topic
      ? { key: topic.key, nameVi: topic.nameVi, nameEn: topic.nameEn, fields: topic.fields }
      : { key: '', nameVi: '', nameEn: '', fields: [], spaceId },
  });
  const [failure, setFailure] = useState<unknown>(null);
  const { errors, isSubmitting } = formState;
  const errorOf = (field: (typeof formFields)[number]) => fieldErrorText(t, errors, field);

  async function save({ key, nameVi, nameEn, fields }: Values) {
    setFailure(null);
    try {
      onSaved(
        topic
          ? await updateTopic(topic.id, { nameVi, nameEn, fields })
          : await createTopic({ key, nameVi, nameEn, fields, spaceId }),
      );
      if (!topic) reset();
    } catch (error) {
      if (!showServerFieldErrors(error, formFields, setError)) setFailure(error);
    }
  }

  const nameVi = register('nameVi', {
    onChange: (event: { target: { value: string } }) => {
      if (!topic && !getFieldState('key').isDirty) setValue('key', suggestTopicKey(event.target.value));
    },
  });

  return (
    <form
      className={topic ? 'admin-panel' : 'admin-form'}
      noValidate
      onSubmit={(event) => void handleSubmit(save)(event)}
    >
      <div className="admin-form__grid">
        <TextField label={t('topics.nameVi')} error={errorOf('nameVi')} {...nameVi} />
        <TextField label={t('topics.nameEn')} error={errorOf('nameEn')} {...register('nameEn')} />
        <TextField
          label={t('topics.key')}
          hint={t('topics.keyHint')}
          readOnly={Boolean(topic)}
          autoCapitalize="none"
          spellCheck={false}
          error={errorOf('key')}
          {...register('key')}
        />
      </div>
      <fieldset className="admin-checks">
        <legend className="field__label">{t('topics.fields')}</legend>
        <p className="field__hint">{t('topics.fieldsHint')}</p>
        <div className="admin-checks__grid">
          {genderEqualityFields.map((field) => (
            <label key={field} className="admin-check">
              <input type="checkbox" value={field} {...register('fields')} />
              {t(`topics.fieldNames.${field}`)}
            </label>
          ))}
        </div>
      </fieldset>
      <PanelActions
        failure={failure}
        saving={isSubmitting}
        onCancel={onCancel ?? (() => reset())}
        submitLabel={topic ? undefined : t('topics.createSubmit')}
      />
    </form>
  );
}
