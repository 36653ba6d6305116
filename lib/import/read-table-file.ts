import type { Table } from "../schema/column.ts";
import { createRowCollector } from "./collect-rows.ts";
import { detectHeader } from "./detect-header.ts";
import { readRawRows } from "./read-raw-rows.ts";
import type { ParsedFile, RawRow } from "./types.ts";

/** Options of readTableFile. */
export interface ReadTableFileOptions {
  /** The file's name; its extension (.xlsx, .csv) tells the format. */
  readonly fileName: string;
  /** The table the file must hold; when absent the best match among `tables` is chosen. */
  readonly table?: Table;
  /** Every table a file may hold. */
  readonly tables: readonly Table[];
}

/**
 * Reads an .xlsx or .csv file (bytes from disk or a decoded base64 upload) into
 * validated rows of one table: finds the header (row 1, row 2 or both), normalizes
 * every value, rejects bad rows with bilingual reasons, keeps the last row of a
 * duplicated natural key. Writes nothing. Throws a bilingual error when the
 * format or the header cannot be read.
 */
export async function readTableFile(
  bytes: Uint8Array,
  options: ReadTableFileOptions,
): Promise<ParsedFile> {
  const source = readRawRows(bytes, options.fileName);
  const tables = options.table ? [options.table] : options.tables;
  const head: RawRow[] = [];
  const iterator = source.rows[Symbol.asyncIterator]();
  let next = await iterator.next();
  while (!next.done && next.value.row <= 2) {
    head.push(next.value);
    next = await iterator.next();
  }
  const headerCells = [1, 2].map((n) => head.find((r) => r.row === n)?.cells ?? []);
  const header = detectHeader(headerCells, tables);
  const collector = createRowCollector(header);
  for (const raw of head) if (raw.row >= header.dataStartRow) collector.add(raw);
  while (!next.done) {
    collector.add(next.value);
    next = await iterator.next();
  }
  return {
    table: header.table,
    format: source.format,
    encoding: source.encoding,
    headerRows: header.headerRows,
    columns: header.columns.filter((c) => c !== null).map((c) => c.name),
    unknownColumns: header.unknownColumns,
    ...collector.finish(),
  };
}
