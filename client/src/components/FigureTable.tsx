/** The tables of figures the dashboard and the targets screen share. */
import type { ReactNode } from 'react';

/** One line: its heading cell (a name, or a drill-down button) and one value per figure column. */
export interface FigureLine {
  key: string;
  head: ReactNode;
  values: ReadonlyArray<ReactNode>;
  /** Marks the first figure cell (`data-row`), so tests and styles can find a row's figure. */
  dataRow?: string;
}

/**
 * A table whose first column names the line (a row header) and whose other columns are figures
 * (right-aligned, `num`). Every figure cell carries its column name in `data-label`, which the
 * phone layout shows when the table becomes stacked cards (styles.css), so one markup serves the
 * Ministry table, the trend, the breakdown, the overdue list and the targets already set.
 */
export function FigureTable({
  head,
  columns,
  lines,
  className,
}: {
  /** The first column's heading. */
  head: string;
  /** The figure columns' headings, in order. */
  columns: readonly string[];
  lines: readonly FigureLine[];
  className?: string;
}) {
  return (
    <div className="table-wrap">
      <table className={className ? `table ${className}` : 'table'}>
        <thead>
          <tr>
            <th scope="col">{head}</th>
            {columns.map((c) => (
              <th key={c} scope="col" className="num">
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {lines.map((line) => (
            <tr key={line.key}>
              <th scope="row">{line.head}</th>
              {line.values.map((value, i) => (
                <td
                  // Columns are fixed per table: the index is the column.
                  // biome-ignore lint/suspicious/noArrayIndexKey: the position is the column
                  key={i}
                  className="num"
                  data-label={columns[i]}
                  data-row={i === 0 ? line.dataRow : undefined}
                >
                  {value}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
