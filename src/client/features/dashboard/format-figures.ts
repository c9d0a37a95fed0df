// How the dashboard prints its figures: counts in the interface language (83.204) and shares with one
// decimal always shown (36,5%; 85,0%), as the reports API rounds them.
import { formatNumber } from '#client/ui/format.ts';

export function formatCount(value: number): string {
  return formatNumber(value);
}

/** A percentage given as 0–100. */
export function formatShare(pct: number): string {
  return formatNumber(pct / 100, { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 });
}
