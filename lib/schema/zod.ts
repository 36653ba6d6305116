import { z } from "zod";
import { describeColumn } from "./column.ts";
import type { Column, ColumnType, Table } from "./column.ts";

/** The zod type of a stored value of a column of type `T`: numbers for real/integer, text otherwise; null when empty. */
export type ColumnOutput<T extends ColumnType> = T extends "real" | "integer"
  ? z.ZodNullable<z.ZodNumber>
  : z.ZodNullable<z.ZodString>;

/** The output shape of the columns `C`, keyed by their names. */
export type RowOutputShape<C extends Column> = { [K in C as K["name"]]: ColumnOutput<K["type"]> };

/** The zod type of one stored column value as tools return it (null when empty). */
export function columnOutput<T extends ColumnType>(column: Column<string, T>): ColumnOutput<T>;
export function columnOutput(
  column: Column,
): z.ZodNullable<z.ZodNumber> | z.ZodNullable<z.ZodString> {
  const base = column.type === "real"
    ? z.number()
    : column.type === "integer"
    ? z.number().int()
    : z.string();
  return base.nullable().describe(describeColumn(column));
}

/** The output schema of one row of `table`: every column (or only `names`), described with code, label and unit. */
export function rowOutputShape<C extends Column>(table: Table<C>): RowOutputShape<C>;
export function rowOutputShape<C extends Column, N extends C["name"]>(
  table: Table<C>,
  names: readonly N[],
): RowOutputShape<Extract<C, { name: N }>>;
export function rowOutputShape(
  table: Table,
  names?: readonly string[],
): Record<string, z.ZodNullable<z.ZodNumber> | z.ZodNullable<z.ZodString>> {
  const columns = names ? names.map((name) => columnOf(table, name)) : table.columns;
  return Object.fromEntries(columns.map((c) => [c.name, columnOutput(c)]));
}

/** Column names of `table`, for SELECT lists. */
export function columnNames<C extends Column>(table: Table<C>): C["name"][] {
  return table.columns.map((c) => c.name);
}

/** The column of `table` named `name`; throws if the metadata has none (a programming error). */
export function columnOf<C extends Column, N extends C["name"]>(
  table: Table<C>,
  name: N,
): Extract<C, { name: N }>;
export function columnOf(table: Table, name: string): Column {
  const found = table.columns.find((c) => c.name === name);
  if (!found) throw new Error(`table ${table.name} has no column "${name}"`);
  return found;
}
