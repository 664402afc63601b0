import { useId, type ReactNode } from 'react';

export interface Column<Row> {
  header: ReactNode;
  cell: (row: Row, index: number) => ReactNode;
  /** Right-aligned tabular figures. */
  num?: boolean;
  /** The cell that names the row: a row header, so screen readers announce it with every cell. */
  rowHeader?: boolean;
  /** Extra class for a body cell, e.g. positive/negative colouring. */
  cellClass?: (row: Row) => string | undefined;
}

interface Props<Row> {
  /** Describes the table; it also names the scroll region. */
  caption: ReactNode;
  /** `false` leaves a column out (for columns shown only sometimes). */
  columns: readonly (Column<Row> | false)[];
  rows: readonly Row[];
  rowKey: (row: Row) => string;
  /** One full-width row shown when `rows` is empty. */
  empty?: ReactNode;
  testId?: string;
  rowTestId?: string;
}

/**
 * Every table of the app. On a narrow screen a wide table scrolls inside its own region instead of
 * widening the page; the region is labelled by the caption and focusable, so it can be scrolled
 * with the keyboard.
 */
export function DataTable<Row>({ caption, columns, rows, rowKey, empty, testId, rowTestId }: Props<Row>) {
  const captionId = useId();
  const shown = columns.filter((c): c is Column<Row> => c !== false);
  const align = (c: Column<Row>) => (c.num ? 'num' : undefined);
  return (
    <div className="table-wrap" role="region" aria-labelledby={captionId} tabIndex={0}>
      <table data-testid={testId}>
        <caption id={captionId} className="muted">
          {caption}
        </caption>
        <thead>
          <tr>
            {shown.map((c, i) => (
              <th key={i} scope="col" className={align(c)}>
                {c.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.length === 0 && empty !== undefined && (
            <tr>
              <td colSpan={shown.length} className="muted">
                {empty}
              </td>
            </tr>
          )}
          {rows.map((row, index) => (
            <tr key={rowKey(row)} data-testid={rowTestId}>
              {shown.map((c, i) => {
                const className = [align(c), c.cellClass?.(row)].filter(Boolean).join(' ') || undefined;
                return c.rowHeader ? (
                  <th key={i} scope="row" className={className}>
                    {c.cell(row, index)}
                  </th>
                ) : (
                  <td key={i} className={className}>
                    {c.cell(row, index)}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
