// The frame every form field shares: its label, an optional hint above the control and an error
// sentence below it. The control (an input, a select, a textarea, a stepper's row) is the child; it
// takes `fieldAria` so that screen readers hear the hint and the error with it. Ids derive from the
// control's id: `<id>-hint`, `<id>-error`.
import type { ReactNode } from 'react';
import './field.css';

export interface FieldFrameProps {
  /** The control's id: the label points at it. */
  id: string;
  label: string;
  hint?: string;
  error?: string | null;
  className?: string;
  children: ReactNode;
}

export function FieldFrame({ id, label, hint, error, className, children }: FieldFrameProps) {
  return (
    <div className={['field', error ? 'field--invalid' : '', className ?? ''].filter(Boolean).join(' ')}>
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      {hint && (
        <p className="field__hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {children}
      {error && (
        <p className="field__error" id={`${id}-error`}>
          {error}
        </p>
      )}
    </div>
  );
}

/** The control's side of the frame: invalid while there is an error, described by the hint and the error. */
export function fieldAria(id: string, hint: string | undefined, error: string | null | undefined) {
  const describedBy = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return { 'aria-invalid': error ? true : undefined, 'aria-describedby': describedBy || undefined };
}
