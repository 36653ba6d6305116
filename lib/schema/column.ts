/**
 * Schema: the tables as data: each column's name, Chinese label, unit, type and range, from
 * which SQL lists, zod shapes and import header names are derived.
 *
 * @module
 */
/** The kinds of value a column holds; `date` is stored as text `YYYY-MM-DD`. */
export type ColumnType = "text" | "real" | "integer" | "date";

/**
 * One column of a table, with the field's own code and Chinese label beside our
 * readable English name. This metadata is the one source of truth that tool
 * descriptions, output schemas and the importer read.
 */
export interface Column<N extends string = string, T extends ColumnType = ColumnType> {
  /** Readable English name used in SQL, tool arguments and structured output, e.g. `depth_m`. */
  readonly name: N;
  /** The field's own code (pinyin initials) as in their Excel files, e.g. `DRJS`; null if theirs has none. */
  readonly code: string | null;
  /** Chinese label, e.g. `当日井深`. */
  readonly zh: string;
  /** English label, e.g. `depth at report time`. */
  readonly en: string;
  /** Unit, e.g. `m`, `g/cm³`; null for a unitless value. */
  readonly unit: string | null;
  readonly type: T;
}

/**
 * A table: its name, labels, natural key and columns (without bookkeeping columns).
 * `C` keeps each column's literal name and type, so output schemas built from a table
 * (lib/schema/zod.ts) know their keys.
 */
export interface Table<C extends Column = Column> {
  readonly name: string;
  readonly zh: string;
  readonly en: string;
  /** Columns that identify a row in the field's data, e.g. `["well_id", "report_date"]`. */
  readonly naturalKey: readonly string[];
  readonly columns: readonly C[];
}

/** Declares a table, keeping the literal name and type of every column in its type. */
export function defineTable<const C extends Column>(table: Table<C>): Table<C> {
  return table;
}

/** `当日井深 depth at report time (m)`: the label every description uses. */
export function describeColumn(column: Column): string {
  const unit = column.unit ? ` (${column.unit})` : "";
  const code = column.code ? ` [${column.code}]` : "";
  return `${column.zh} ${column.en}${unit}${code}`;
}

/** A value after checking: text, a number, a `YYYY-MM-DD` date string, or null for empty. */
export type ColumnValue = string | number | null;

/** Why a column's value was refused: the column, the value as given, and the reason. */
export interface Rejection {
  /** English column name, e.g. `depth_m`. */
  readonly column: string;
  /** The value as given (a Date as ISO text, an object as JSON), or null for a missing one. */
  readonly value: string | number | boolean | null;
  /** Bilingual, Chinese first: what is wrong and what to write instead. */
  readonly reason: string;
}

/** `当日井深 [DRJS]`: a column's Chinese label with its field code, as messages name it. */
export function columnLabel(column: Column): string {
  return column.code ? `${column.zh} [${column.code}]` : column.zh;
}
