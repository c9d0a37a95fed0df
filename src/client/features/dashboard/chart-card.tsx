// One chart as a labelled figure: its title and a sentence describing it (the SVG's accessible name and
// description), the chart, and a "show the numbers as a table" toggle revealing every figure it draws.
import { useId, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

export interface ChartTable {
  /** Column headers; the first column heads the row labels. */
  columns: readonly string[];
  rows: ReadonlyArray<{ key: string; label: string; cells: readonly string[] }>;
}

export interface ChartCardProps {
  title: string;
  description: string;
  table: ChartTable;
  /** Renders the chart; the ids name the SVG by the card's title and description. */
  children: (ids: { titleId: string; descriptionId: string }) => ReactNode;
}

export function ChartCard({ title, description, table, children }: ChartCardProps) {
  const { t } = useTranslation('dashboard');
  const [open, setOpen] = useState(false);
  const titleId = useId();
  const descriptionId = useId();
  const tableId = useId();
  const empty = table.rows.length === 0;
  return (
    <figure className="chart-card" aria-labelledby={titleId}>
      <h2 className="chart-card__title" id={titleId}>
        {title}
      </h2>
      <p className="chart-card__description" id={descriptionId}>
        {description}
      </p>
      {empty ? <p className="chart-card__empty">{t('charts.noData')}</p> : children({ titleId, descriptionId })}
      {!empty && (
        <>
          <button
            type="button"
            className="button button--quiet chart-card__toggle"
            aria-expanded={open}
            aria-controls={tableId}
            onClick={() => setOpen((value) => !value)}
          >
            {open ? t('charts.hideTable') : t('charts.showTable')}
          </button>
          <div className="chart-card__table" id={tableId} hidden={!open}>
            {open && (
              <table className="data-table">
                <caption className="visually-hidden">{title}</caption>
                <thead>
                  <tr>
                    {table.columns.map((column, index) => (
                      <th key={column} scope="col" className={index > 0 ? 'data-table__number' : undefined}>
                        {column}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {table.rows.map((row) => (
                    <tr key={row.key}>
                      <th scope="row">{row.label}</th>
                      {row.cells.map((cell, index) => (
                        <td key={table.columns[index + 1] ?? index} className="data-table__number">
                          {cell}
                        </td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </div>
        </>
      )}
    </figure>
  );
}
