// Units as select options, indented under their parents, for the admin forms.
import type { Unit } from '../../../domain/schemas/reference';
import type { SelectOption } from '../../ui/select';
import { unitTree } from '../../ui/report-filters';

export function unitOptions(units: readonly Unit[]): SelectOption[] {
  return unitTree(units, null).map(({ unit, depth }) => ({
    value: unit.id,
    label: `${'\u00a0\u00a0\u00a0'.repeat(depth)}${unit.shortName}`,
  }));
}
