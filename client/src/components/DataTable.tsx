/** The plain list tables of the app (case list, a case's obligations and participants). */
import type { ReactNode } from 'react';

/** One column heading; `num` right-aligns a figure column. */
export interface DataColumn {
  label: string;
  num?: boolean;
}

/**
 * The scrolling wrapper, the table with its caption for screen readers, and one heading row; the
 * caller renders the body rows (each cell with `data-label`, which the phone layout shows when the
 * table becomes stacked cards, styles.css). Figure tables with a row-header column use FigureTable.
 */
export function DataTable({
  caption,
  columns,
  className,
  children,
}: {
  caption: string;
  columns: readonly DataColumn[];
  className?: string;
  children: ReactNode;
}) {
  return (
    <div className="table-wrap">
      <table className={className ? `table ${className}` : 'table'}>
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            {columns.map((c) => (
              <th key={c.label} scope="col" className={c.num ? 'num' : undefined}>
                {c.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}
