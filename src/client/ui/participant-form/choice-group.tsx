// A required one-of-a-few choice as large buttons (gender, consent): native radio inputs under the
// look of buttons, so screen readers and keyboards get a real radio group. Nothing is preselected.
import { useId, type InputHTMLAttributes } from 'react';

export interface ChoiceOption {
  value: string;
  label: string;
}

export interface ChoiceGroupProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'type' | 'value'> {
  legend: string;
  hint?: string;
  options: readonly ChoiceOption[];
  error?: string | null;
  /** `row`: equal buttons side by side (three genders); `column`: one per line (long labels). */
  layout?: 'row' | 'column';
}

export function ChoiceGroup({ legend, hint, options, error, layout = 'row', ...input }: ChoiceGroupProps) {
  const hintId = useId();
  const errorId = useId();
  const describedBy = [hint ? hintId : '', error ? errorId : ''].filter(Boolean).join(' ') || undefined;
  return (
    <fieldset
      className={['field', 'choice-group', error ? 'field--invalid' : ''].filter(Boolean).join(' ')}
      aria-describedby={describedBy}
    >
      <legend className="field__label">{legend}</legend>
      {hint && (
        <p className="field__hint" id={hintId}>
          {hint}
        </p>
      )}
      <div className={`choice-group__options choice-group__options--${layout}`}>
        {options.map((option) => (
          <label key={option.value} className="choice-group__option">
            <input type="radio" value={option.value} aria-invalid={error ? true : undefined} {...input} />
            <span>{option.label}</span>
          </label>
        ))}
      </div>
      {error && (
        <p className="field__error" id={errorId}>
          {error}
        </p>
      )}
    </fieldset>
  );
}
