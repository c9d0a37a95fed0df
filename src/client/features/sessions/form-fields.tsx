// The editor's text inputs bound to the form (react-hook-form controllers over the shared UI fields),
// each labelled, with its error sentence in the trainer's language.
import { useId } from 'react';
import { useController, useFormContext } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { FieldFrame, fieldAria } from '#client/ui/field-frame.tsx';
import { TextField, type TextFieldProps } from '#client/ui/text-field.tsx';
import { fieldErrorKey } from './error-text';
import type { SessionFormValues } from './session-form-schema';

type TextName = 'title' | 'placeName' | 'startDate' | 'endDate';

interface FormTextFieldProps extends Omit<TextFieldProps, 'name' | 'value' | 'onChange' | 'error'> {
  name: TextName;
  /** Called with the new value instead of setting it directly (dates adjust each other). */
  onValue?: (value: string) => void;
}

export function FormTextField({ name, onValue, ...rest }: FormTextFieldProps) {
  const { t } = useTranslation();
  const { control } = useFormContext<SessionFormValues>();
  const { field, fieldState } = useController({ control, name });
  const errorKey = fieldErrorKey(fieldState.error);
  return (
    <TextField
      {...rest}
      name={field.name}
      value={field.value}
      onChange={(event) => (onValue ? onValue(event.target.value) : field.onChange(event.target.value))}
      onBlur={field.onBlur}
      error={errorKey ? t(errorKey) : null}
    />
  );
}

export function FormTextArea({ name, label, hint, id }: { name: 'notes'; label: string; hint?: string; id?: string }) {
  const { t } = useTranslation();
  const generated = useId();
  const inputId = id ?? generated;
  const { control } = useFormContext<SessionFormValues>();
  const { field, fieldState } = useController({ control, name });
  const errorKey = fieldErrorKey(fieldState.error);
  const error = errorKey ? t(errorKey) : null;
  return (
    <FieldFrame id={inputId} label={label} hint={hint} error={error}>
      <textarea
        id={inputId}
        className="field__input field__textarea"
        rows={4}
        name={field.name}
        value={field.value ?? ''}
        onChange={(event) => field.onChange(event.target.value)}
        onBlur={field.onBlur}
        {...fieldAria(inputId, hint, error)}
      />
    </FieldFrame>
  );
}
