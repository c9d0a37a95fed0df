// A whole-number field with large − and + buttons either side (one thumb, no keyboard needed for
// small changes). The text is kept as typed while it is being edited; the value is a number, or
// `emptyValue` while the field is blank.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FieldFrame, fieldAria } from '#client/ui/field-frame.tsx';

export interface NumberStepperProps {
  id: string;
  label: string;
  value: number | null;
  onChange: (value: number | null) => void;
  emptyValue: number | null;
  error?: string | null;
  hint?: string;
  disabled?: boolean;
}

const MAX = 1_000_000;

function parse(text: string, emptyValue: number | null): number | null {
  const digits = text.replace(/\D/g, '');
  return digits === '' ? emptyValue : Math.min(MAX, Number(digits));
}

export function NumberStepper({ id, label, value, onChange, emptyValue, error, hint, disabled }: NumberStepperProps) {
  const { t } = useTranslation('sessions');
  const [text, setText] = useState(value === null ? '' : String(value));
  useEffect(() => {
    // Follow the value when it changes from outside (a stepper press, a reset), not while typing.
    setText((current) => (parse(current, emptyValue) === value ? current : value === null ? '' : String(value)));
  }, [value, emptyValue]);

  const step = (delta: number) => onChange(Math.max(0, Math.min(MAX, (value ?? 0) + delta)));

  return (
    <FieldFrame id={id} label={label} hint={hint} error={error} className="stepper">
      <div className="stepper__row">
        <button
          type="button"
          className="stepper__button"
          aria-label={t('editor.decrease', { field: label })}
          onClick={() => step(-1)}
          disabled={disabled || (value ?? 0) <= 0}
        >
          −
        </button>
        <input
          id={id}
          className="field__input stepper__input"
          inputMode="numeric"
          pattern="[0-9]*"
          autoComplete="off"
          value={text}
          disabled={disabled}
          {...fieldAria(id, hint, error)}
          onChange={(event) => {
            setText(event.target.value.replace(/\D/g, ''));
            onChange(parse(event.target.value, emptyValue));
          }}
        />
        <button
          type="button"
          className="stepper__button"
          aria-label={t('editor.increase', { field: label })}
          onClick={() => step(1)}
          disabled={disabled}
        >
          +
        </button>
      </div>
    </FieldFrame>
  );
}
