// A labelled native select: the phone's own picker is the most usable one on a small screen.
import { useId, type SelectHTMLAttributes } from 'react';
import { FieldFrame, fieldAria } from './field-frame';

export interface SelectOption {
  value: string;
  label: string;
}

export interface SelectProps extends Omit<SelectHTMLAttributes<HTMLSelectElement>, 'children'> {
  label: string;
  options: readonly SelectOption[];
  hint?: string;
  error?: string | null;
}

export function Select({ label, options, hint, error, id, className, ...select }: SelectProps) {
  const generated = useId();
  const selectId = id ?? generated;
  return (
    <FieldFrame id={selectId} label={label} hint={hint} error={error} className={className}>
      <select id={selectId} className="field__input field__select" {...fieldAria(selectId, hint, error)} {...select}>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </FieldFrame>
  );
}
