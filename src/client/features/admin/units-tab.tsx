// Units: the organisation as a tree (a provincial federation, the units under it), each unit with
// "rename" and "add a unit under it". Nested lists: screen readers announce each level.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Unit } from '#domain/schemas/reference';
import { Banner } from '#client/ui/banner.tsx';
import { Button } from '#client/ui/button.tsx';
import { EmptyState } from '#client/ui/empty-state.tsx';
import { UnitForm } from './unit-form';
import type { AdminList } from './use-admin-list';

type Open = { unitId: string; mode: 'rename' | 'addChild' } | null;

export function UnitsTab({ units }: { units: AdminList<Unit> }) {
  const { t } = useTranslation('admin');
  const [open, setOpen] = useState<Open>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const list = units.items ?? [];
  const ids = new Set(list.map((u) => u.id));
  const childrenOf = (parentId: string | null) =>
    list
      .filter((u) => (parentId ? u.parentId === parentId : !u.parentId || !ids.has(u.parentId)))
      .sort((a, b) => a.name.localeCompare(b.name, 'vi'));

  const renderUnit = (unit: Unit) => {
    const children = childrenOf(unit.id);
    return (
      <li key={unit.id} className="unit-tree__item">
        <div className="unit-tree__row">
          <div className="unit-tree__text">
            <span className="unit-tree__name">{unit.shortName}</span>
            <span className="unit-tree__meta">
              {unit.name} · {t(`units.kinds.${unit.kind}`)}
              {!unit.active && ` · ${t('units.inactive')}`}
            </span>
          </div>
          <div className="button-row">
            <Button
              aria-label={t('units.renameLabel', { unit: unit.shortName })}
              onClick={() => setOpen({ unitId: unit.id, mode: 'rename' })}
            >
              {t('units.rename')}
            </Button>
            {unit.kind !== 'grassroots' && (
              <Button
                aria-label={t('units.addChildLabel', { unit: unit.shortName })}
                onClick={() => setOpen({ unitId: unit.id, mode: 'addChild' })}
              >
                {t('units.addChild')}
              </Button>
            )}
          </div>
        </div>
        {open?.unitId === unit.id && (
          <UnitForm
            unit={unit}
            mode={open.mode}
            onCancel={() => setOpen(null)}
            onSaved={(saved) => {
              units.put(saved);
              setOpen(null);
              setNotice(t(open.mode === 'rename' ? 'units.renamed' : 'units.created', { unit: saved.shortName }));
            }}
          />
        )}
        {children.length > 0 && <ul className="unit-tree">{children.map(renderUnit)}</ul>}
      </li>
    );
  };

  return (
    <section aria-labelledby="units-caption">
      <h2 id="units-caption" className="admin-section__title">
        {t('units.caption')}
      </h2>
      <p className="field__hint">{t('units.intro')}</p>
      {notice && <Banner tone="success">{notice}</Banner>}
      {list.length === 0 ? (
        <EmptyState title={t('units.empty')} />
      ) : (
        <ul className="unit-tree unit-tree--root">{childrenOf(null).map(renderUnit)}</ul>
      )}
    </section>
  );
}
