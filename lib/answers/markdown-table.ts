import { fmt } from "../analysis/format.ts";

/** A table cell: text as is, a number through fmt (null → —). */
export type Cell = string | number | null;

function cell(value: Cell, decimals: number): string {
  const shown = typeof value === "number" || value === null ? fmt(value, decimals) : value;
  return shown.replace(/\|/g, "/").replace(/\s+/g, (run) => run.includes("\n") ? " " : run);
}

/**
 * A Markdown table: `header` cells, then one line per row. Numbers are shown with
 * fmt(value, decimals) (trailing zeros dropped, null as —); `|` and line breaks in
 * text are replaced so a cell cannot break the table.
 */
export function markdownTable(
  header: readonly string[],
  rows: readonly (readonly Cell[])[],
  decimals = 1,
): string {
  const line = (cells: readonly string[]) => `| ${cells.join(" | ")} |`;
  return [
    line(header.map((h) => cell(h, decimals))),
    line(header.map(() => "---")),
    ...rows.map((r) => line(r.map((v) => cell(v, decimals)))),
  ].join("\n");
}
