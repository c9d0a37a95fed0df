// A date field for a filter bound that lives in the address. Typing a date key by key passes through
// complete but absurd values (the year 0002 after the first digit): written to the address at once, the
// re-render reset the field mid-typing and left it empty. The field keeps what is being typed, and the
// filter takes a date only once its year is plausible, or when the field is left.
import { useEffect, useState } from 'react';
import { TextField } from '#client/ui/text-field.tsx';

const EARLIEST_YEAR = 1900;

function plausible(value: string): boolean {
  return value === '' || Number(value.slice(0, 4)) >= EARLIEST_YEAR;
}

export interface DateBoundFieldProps {
  label: string;
  value: string;
  min?: string;
  max?: string;
  onCommit: (value: string) => void;
}

export function DateBoundField({ label, value, min, max, onCommit }: DateBoundFieldProps) {
  const [draft, setDraft] = useState(value);
  const [editing, setEditing] = useState(false);
  // Another change of the filters (cleared, another period) shows through when not typing.
  useEffect(() => {
    if (!editing) setDraft(value);
  }, [value, editing]);

  return (
    <TextField
      type="date"
      label={label}
      value={draft}
      min={min}
      max={max}
      onFocus={() => setEditing(true)}
      onBlur={() => {
        setEditing(false);
        if (draft !== value) onCommit(plausible(draft) ? draft : value);
      }}
      onChange={(event) => {
        const next = event.target.value;
        setDraft(next);
        if (plausible(next) && next !== value) onCommit(next);
      }}
    />
  );
}
