import type { ColumnValue, Rejection, Table } from "../schema/column.ts";

/** One row as read from a file: its row number as the user sees it (1-based) and its cells (0-based). */
export interface RawRow {
  readonly row: number;
  readonly cells: readonly unknown[];
}

/** A row that passed validation, with its row number in the file. */
export interface ParsedRow {
  readonly row: number;
  /** Every table column present in the file, by English name; an empty cell is null. */
  readonly values: Record<string, ColumnValue>;
}

/** A refused cell of a file row; a row with several bad cells has several entries. */
export interface RowRejection extends Rejection {
  /** Row number as in the file (1-based, header rows included). */
  readonly row: number;
}

/** Rows of one file sharing a natural key; only the last (`rows` at the end) is kept. */
export interface DuplicateKey {
  /** The natural key values in `table.naturalKey` order. */
  readonly key: readonly ColumnValue[];
  /** Every file row holding that key, in file order. */
  readonly rows: readonly number[];
}

/** The result of reading one Excel or CSV file against the table metadata. No database writes. */
export interface ParsedFile {
  readonly table: Table;
  readonly format: "xlsx" | "csv";
  /** Text encoding of a CSV file; null for xlsx. */
  readonly encoding: "utf-8" | "gb18030" | null;
  /** 1-based file rows holding the header, e.g. `[1, 2]`. */
  readonly headerRows: readonly number[];
  /** English names of the table columns found in the file, in file order. */
  readonly columns: readonly string[];
  readonly rows: readonly ParsedRow[];
  readonly rejected: readonly RowRejection[];
  /** Header text of ignored columns, e.g. `DW 单位`. */
  readonly unknownColumns: readonly string[];
  /** Rows after the header with every recognised cell empty (skipped, not reported). */
  readonly blankRows: number;
  readonly duplicateKeys: readonly DuplicateKey[];
}
