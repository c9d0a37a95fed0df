// A labelled text input with an optional hint and error, wired for screen readers (aria-describedby,
// aria-invalid). `trailing` holds a control inside the field's row, such as a show-password toggle.
import { useId, type InputHTMLAttributes, type ReactNode } from 'react';
import { FieldFrame, fieldAria } from './field-frame';

export interface TextFieldProps extends InputHTMLAttributes<HTMLInputElement> {
  label: string;
  hint?: string;
  error?: string | null;
  trailing?: ReactNode;
}

export function TextField({ label, hint, error, trailing, id, className, ...input }: TextFieldProps) {
  const generated = useId();
  const inputId = id ?? generated;
  return (
    <FieldFrame id={inputId} label={label} hint={hint} error={error} className={className}>
      <div className="field__row">
        <input id={inputId} className="field__input" {...fieldAria(inputId, hint, error)} {...input} />
        {trailing}
      </div>
    </FieldFrame>
  );
}
