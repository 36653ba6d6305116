import { z } from "zod";
import { describeColumn } from "./column.ts";
import type { Column, Table } from "./column.ts";

/** The zod type of one stored column value as tools return it (null when empty). */
export function columnOutput(column: Column): z.ZodType {
  const base = column.type === "real" ? z.number() : column.type === "integer" ? z.number().int() : z.string();
  return base.nullable().describe(describeColumn(column));
}

/** The output schema of one row of `table`: every column, described with code, label and unit. */
export function rowOutputShape(table: Table): Record<string, z.ZodType> {
  return Object.fromEntries(table.columns.map((c) => [c.name, columnOutput(c)]));
}

/** Column names of `table`, for SELECT lists. */
export function columnNames(table: Table): string[] {
  return table.columns.map((c) => c.name);
}

/** The column of `table` named `name`; throws if the metadata has none (a programming error). */
export function columnOf(table: Table, name: string): Column {
  const found = table.columns.find((c) => c.name === name);
  if (!found) throw new Error(`table ${table.name} has no column "${name}"`);
  return found;
}
