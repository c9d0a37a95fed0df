// The unit tree as the organiser's device holds it (everything under their own unit): a unit's
// subtree for the unit filter, and the units in tree order for the filter's list.
import type { Unit } from '#domain/schemas/reference';

type TreeUnit = Pick<Unit, 'id' | 'parentId' | 'name' | 'shortName'>;

function childrenByParent<U extends TreeUnit>(units: readonly U[]): Map<string | null, U[]> {
  const known = new Set(units.map((u) => u.id));
  const byParent = new Map<string | null, U[]>();
  for (const unit of units) {
    // A unit whose parent is outside this device's scope is a root here.
    const parent = unit.parentId && known.has(unit.parentId) ? unit.parentId : null;
    byParent.set(parent, [...(byParent.get(parent) ?? []), unit]);
  }
  const collator = new Intl.Collator('vi');
  for (const list of byParent.values()) list.sort((a, b) => collator.compare(a.name, b.name));
  return byParent;
}

/** The ids of `rootId` and every unit below it. */
export function subtreeIds(units: readonly TreeUnit[], rootId: string): Set<string> {
  const byParent = childrenByParent(units);
  const ids = new Set<string>();
  const stack = [rootId];
  while (stack.length > 0) {
    const id = stack.pop() as string;
    if (ids.has(id)) continue;
    ids.add(id);
    for (const child of byParent.get(id) ?? []) stack.push(child.id);
  }
  return ids;
}

/** Units depth first, each with its depth (0 for the roots), for an indented list. */
export function unitsInTreeOrder<U extends TreeUnit>(units: readonly U[]): { unit: U; depth: number }[] {
  const byParent = childrenByParent(units);
  const ordered: { unit: U; depth: number }[] = [];
  const visit = (parent: string | null, depth: number) => {
    for (const unit of byParent.get(parent) ?? []) {
      ordered.push({ unit, depth });
      visit(unit.id, depth + 1);
    }
  };
  visit(null, 0);
  return ordered;
}
