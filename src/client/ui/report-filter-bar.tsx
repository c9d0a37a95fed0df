// The filter row of the organiser's dashboard and reports page: period (with custom dates), unit of the
// user's subtree, topic, format and which statuses count. Native selects: the phone's own picker. On a
// phone the filters fold into one line that says what is chosen, so the figures are on the first screen.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Topic, Unit } from '#domain/schemas/reference';
import { sessionFormats } from '#domain/schemas/session';
import { formatDate } from './format';
import { currentLanguage } from '../i18n';
import {
  periodPresets,
  statusChoices,
  unitTree,
  type PeriodPreset,
  type ReportFilters,
  type StatusChoice,
} from './report-filters';
import { Select, type SelectOption } from './select';
import { TextField } from './text-field';
import './report-filter-bar.css';

export interface ReportFilterBarProps {
  filters: ReportFilters;
  onChange: (change: Partial<ReportFilters>) => void;
  units: readonly Unit[];
  topics: readonly Topic[];
  /** The top of the user's subtree; null for an admin, who sees every unit. */
  rootUnitId: string | null;
}

export function ReportFilterBar({ filters, onChange, units, topics, rootUnitId }: ReportFilterBarProps) {
  const { t } = useTranslation('reports');
  const [open, setOpen] = useState(
    () => typeof window.matchMedia !== 'function' || window.matchMedia('(min-width: 720px)').matches,
  );
  const unitChoices = unitOptions(units, rootUnitId, filters.unitId, t);
  const topicChoices = [{ value: '', label: t('filters.allTopics') }, ...topicOptions(topics, units)];
  const labelOf = (options: SelectOption[], value: string) =>
    options.find((o) => o.value === value)?.label.trim() ?? '';
  const chosen = [
    filters.period === 'custom'
      ? `${filters.from ? formatDate(filters.from) : '…'}–${filters.to ? formatDate(filters.to) : '…'}`
      : t(`filters.periods.${filters.period}`),
    labelOf(unitChoices, filters.unitId),
    labelOf(topicChoices, filters.topicId),
    filters.format ? t(`formats.${filters.format}`) : t('filters.allFormats'),
    t(`filters.statuses.${filters.status}`),
  ].filter(Boolean);
  return (
    <details className="report-filters" open={open} onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary className="report-filters__summary">
        <span className="report-filters__legend">{t('filters.legend')}</span>
        <span className="report-filters__chosen">{chosen.join(' · ')}</span>
      </summary>
      <div className="report-filters__grid">
        <Select
          label={t('filters.period')}
          value={filters.period}
          options={periodPresets.map((p) => ({ value: p, label: t(`filters.periods.${p}`) }))}
          onChange={(e) => onChange({ period: e.target.value as PeriodPreset })}
        />
        {filters.period === 'custom' && (
          <>
            <TextField
              type="date"
              label={t('filters.from')}
              value={filters.from}
              max={filters.to || undefined}
              onChange={(e) => onChange({ from: e.target.value })}
            />
            <TextField
              type="date"
              label={t('filters.to')}
              value={filters.to}
              min={filters.from || undefined}
              onChange={(e) => onChange({ to: e.target.value })}
            />
          </>
        )}
        <Select
          label={t('filters.unit')}
          value={filters.unitId}
          options={unitChoices}
          onChange={(e) => onChange({ unitId: e.target.value })}
        />
        <Select
          label={t('filters.topic')}
          value={filters.topicId}
          options={topicChoices}
          onChange={(e) => onChange({ topicId: e.target.value })}
        />
        <Select
          label={t('filters.format')}
          value={filters.format}
          options={[
            { value: '', label: t('filters.allFormats') },
            ...sessionFormats.map((f) => ({ value: f, label: t(`formats.${f}`) })),
          ]}
          onChange={(e) => onChange({ format: e.target.value as ReportFilters['format'] })}
        />
        <Select
          label={t('filters.status')}
          value={filters.status}
          options={statusChoices.map((s) => ({ value: s, label: t(`filters.statuses.${s}`) }))}
          onChange={(e) => onChange({ status: e.target.value as StatusChoice })}
        />
      </div>
    </details>
  );
}

/** A topic's name in the interface language. */
export function topicName(topic: Pick<Topic, 'nameVi' | 'nameEn'>): string {
  return currentLanguage() === 'en' ? topic.nameEn : topic.nameVi;
}

/** Active topics first. An admin sees every space's topics: each then names its space's federation. */
function topicOptions(topics: readonly Topic[], units: readonly Unit[]): SelectOption[] {
  const spaces = new Set(topics.map((topic) => topic.spaceId));
  const spaceName = (spaceId: string) => units.find((u) => u.spaceId === spaceId && !u.parentId)?.shortName ?? '';
  return [...topics]
    .sort((a, b) => Number(b.active) - Number(a.active) || topicName(a).localeCompare(topicName(b), 'vi'))
    .map((topic) => ({
      value: topic.id,
      label: spaces.size > 1 ? `${topicName(topic)} (${spaceName(topic.spaceId)})` : topicName(topic),
    }));
}

function unitOptions(
  units: readonly Unit[],
  rootUnitId: string | null,
  selected: string,
  t: (key: string) => string,
): SelectOption[] {
  // Non-breaking spaces survive inside <option>; the indent shows the tree in the native picker.
  const tree = unitTree(units, rootUnitId).map(({ unit, depth }) => ({
    value: unit.id,
    label: `${'\u00a0\u00a0\u00a0'.repeat(depth)}${unit.shortName}`,
  }));
  const options = rootUnitId ? tree : [{ value: '', label: t('filters.allUnits') }, ...tree];
  // Before the first pull the user's own unit is not on the device yet: still offer it by name.
  if (selected && !options.some((o) => o.value === selected))
    options.unshift({ value: selected, label: t('filters.myUnit') });
  return options;
}
