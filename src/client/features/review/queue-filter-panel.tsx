// The queue's filters: unit (with everything under it), topic, format and period. Folded away on a
// phone unless a filter is in use; a desktop opens it.
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { sessionFormats } from '#domain/schemas/session';
import { getUserDb } from '#client/db/database.ts';
import { currentLanguage } from '#client/i18n.ts';
import { Button } from '#client/ui/button.tsx';
import { Select } from '#client/ui/select.tsx';
import { DateBoundField } from './date-bound-field';
import { formatLabel, topicName } from './labels';
import {
  activeFilterCount,
  clearedFilters,
  periodChoices,
  type PeriodChoice,
  type QueueFilters,
} from './queue-filters';
import { unitsInTreeOrder } from './unit-tree';

export interface QueueFilterPanelProps {
  filters: QueueFilters;
  onChange: (filters: QueueFilters) => void;
}

function useFilterChoices() {
  return useLiveQuery(async () => {
    const db = getUserDb();
    const [units, topics] = await Promise.all([db.units.toArray(), db.topics.toArray()]);
    return { units: unitsInTreeOrder(units), topics };
  }, []);
}

const wideScreen = () => typeof window !== 'undefined' && window.matchMedia?.('(min-width: 900px)').matches === true;

export function QueueFilterPanel({ filters, onChange }: QueueFilterPanelProps) {
  const { t } = useTranslation('review');
  const language = currentLanguage();
  const choices = useFilterChoices();
  const active = activeFilterCount(filters);
  const [open, setOpen] = useState(() => active > 0 || wideScreen());
  const set = (patch: Partial<QueueFilters>) => onChange({ ...filters, ...patch });

  const unitOptions = [
    { value: '', label: t('filters.allUnits') },
    // Non-breaking spaces indent a unit under its parent inside the native list.
    ...(choices?.units ?? []).map(({ unit, depth }) => ({
      value: unit.id,
      label: `${'\u00a0\u00a0'.repeat(depth)}${unit.shortName}`,
    })),
  ];
  const collator = new Intl.Collator(language);
  const topicOptions = [
    { value: '', label: t('filters.allTopics') },
    ...(choices?.topics ?? [])
      .map((topic) => ({ value: topic.id, label: topicName(topic, language) }))
      .sort((a, b) => collator.compare(a.label, b.label)),
  ];
  const formatOptions = [
    { value: '', label: t('filters.allFormats') },
    ...sessionFormats.map((format) => ({ value: format, label: formatLabel(t, format) })),
  ];

  return (
    <details className="review-filters" open={open} onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary className="review-filters__summary">
        {active > 0 ? t('filters.active', { count: active, n: active }) : t('filters.title')}
      </summary>
      <div className="review-filters__grid">
        <Select
          label={t('filters.unit')}
          options={unitOptions}
          value={filters.unitId}
          onChange={(e) => set({ unitId: e.target.value })}
        />
        <Select
          label={t('filters.topic')}
          options={topicOptions}
          value={filters.topicId}
          onChange={(e) => set({ topicId: e.target.value })}
        />
        <Select
          label={t('filters.format')}
          options={formatOptions}
          value={filters.format}
          onChange={(e) => set({ format: e.target.value as QueueFilters['format'] })}
        />
        <Select
          label={t('filters.period')}
          options={periodChoices.map((p) => ({ value: p, label: t(`filters.periods.${p || 'all'}`) }))}
          value={filters.period}
          onChange={(e) => set({ period: e.target.value as PeriodChoice, from: '', to: '' })}
        />
        {filters.period === 'custom' && (
          <div className="review-filters__dates">
            <DateBoundField
              label={t('filters.from')}
              value={filters.from}
              max={filters.to || undefined}
              onCommit={(from) => set({ from })}
            />
            <DateBoundField
              label={t('filters.to')}
              value={filters.to}
              min={filters.from || undefined}
              onCommit={(to) => set({ to })}
            />
          </div>
        )}
      </div>
      <p className="review-filters__note">{t('filters.unitHint')}</p>
      {active > 0 && (
        <Button variant="quiet" onClick={() => onChange(clearedFilters(filters))}>
          {t('filters.clear')}
        </Button>
      )}
    </details>
  );
}
