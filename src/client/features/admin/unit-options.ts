// Units as select options, indented under their parents, for the admin forms.
import type { Unit } from '#domain/schemas/reference';
import type { SelectOption } from '#client/ui/select.tsx';
import { unitTree } from '#client/ui/report-filters.ts';

export function unitOptions(units: readonly Unit[]): SelectOption[] {
  return unitTree(units, null).map(({ unit, depth }) => ({
    value: unit.id,
    label: `${'\u00a0\u00a0\u00a0'.repeat(depth)}${unit.shortName}`,
  }));
}
