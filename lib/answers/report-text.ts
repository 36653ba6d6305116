import type { Table } from "../schema/column.ts";

/** `{ depth_m: "m", … }`: the unit of every column of `table` that has one. */
export function unitsOf(table: Table): Record<string, string> {
  return Object.fromEntries(table.columns.flatMap((c) => (c.unit ? [[c.name, c.unit]] : [])));
}

/**
 * One report as text: a heading with well and date (⚠ when the well is missing from the
 * master), then `当日井深 depth …: 1234 m` for every filled column except `skip`.
 */
export function reportText(
  table: Table,
  row: Readonly<Record<string, unknown>>,
  skip: readonly string[] = ["well_id", "report_date"],
): string {
  const flag = row.well_in_master === false ? " ⚠ 不在油井基础信息中 not in the well master" : "";
  const lines = table.columns
    .filter((c) => !skip.includes(c.name) && row[c.name] !== null && row[c.name] !== undefined)
    .map((c) => `- ${c.zh} ${c.en}: ${row[c.name]}${c.unit ? ` ${c.unit}` : ""}`);
  return [`### ${row.well_id} ${row.report_date ?? ""}${flag}`, ...lines].join("\n");
}
