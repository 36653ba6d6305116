/**
 * Rows written as a table: a header of column names, then one array of values a row.
 * @module
 */

/** A value in a row of a fixture table. */
export type Cell = string | number | null;

/**
 * One object a row, keyed by `columns` in order. Throws when a row has more or fewer values than
 * there are columns, so a slip in the table fails loudly instead of shifting values.
 */
export function tableRows(
  columns: readonly string[],
  ...rows: readonly (readonly Cell[])[]
): Record<string, Cell>[] {
  return rows.map((row, i) => {
    if (row.length !== columns.length) {
      throw new Error(`row ${i + 1} has ${row.length} values for ${columns.length} columns`);
    }
    return Object.fromEntries(columns.map((c, j) => [c, row[j]]));
  });
}
