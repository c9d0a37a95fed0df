// The admin tabs' table: it scrolls sideways on a phone, is named by its caption and has one header per
// column; a record's open form goes in a panel row under it, across the table's whole width.
import type { ReactNode } from 'react';

export interface AdminTableProps {
  caption: ReactNode;
  columns: readonly string[];
  /** A modifier beside `data-table admin-table` (column widths). */
  className?: string;
  busy?: boolean;
  /** The body's rows. */
  children: ReactNode;
}

export function AdminTable({ caption, columns, className, busy, children }: AdminTableProps) {
  return (
    <div className="table-scroll">
      <table className={['data-table admin-table', className].filter(Boolean).join(' ')} aria-busy={busy}>
        <caption className="admin-table__caption">{caption}</caption>
        <thead>
          <tr>
            {columns.map((column, index) => (
              <th key={index} scope="col">
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}

export function AdminPanelRow({ columns, children }: { columns: number; children: ReactNode }) {
  return (
    <tr className="admin-table__panel-row">
      <td colSpan={columns}>{children}</td>
    </tr>
  );
}
