/**
 * Import: reading the field's files (CSV in any encoding, XLSX, WITSML drillReport XML, campaign
 * JSONL), finding the header, converting cells, and saving through write/ with every rejection
 * named.
 *
 * @module
 */
import type { Db } from "../db/db.ts";
import type { WriteRow } from "../write/plan-chunk.ts";
import { WRITE_TARGETS } from "../write/targets.ts";
import type { WriteTarget } from "../write/targets.ts";
import { upsertRows } from "../write/upsert-rows.ts";
import { recordChecker } from "../write/validate-record.ts";
import { wellsInMaster } from "../write/wells-in-master.ts";
import type { ImportSummary, NotInMaster } from "./import-summary.ts";
import { readTableFile } from "./read-table-file.ts";
import type { RowRejection } from "./types.ts";

/** Options of importFile. */
export interface ImportFileOptions {
  /** The file's name (its extension tells .xlsx from .csv). */
  readonly fileName: string;
  /** Table name the file must hold; recognised from the header when absent. */
  readonly table?: string;
  /** Report what would happen and write nothing. */
  readonly dryRun: boolean;
  /** Who imports, for created_by/updated_by and record_history. */
  readonly actor: string;
  /** Rows the file holds once read, then rows written so far (for a progress bar). */
  readonly onStart?: (rows: number) => void;
  readonly onProgress?: (done: number) => void;
  /** The clock, for timing (tests may fix it). */
  readonly now?: () => number;
}

/** The file cannot be imported as it is (format, header, table): the user's to fix; nothing was written. */
export class ImportFileError extends Error {
  override name = "ImportFileError";
}

/** The target of table `name`; an ImportFileError listing the importable tables otherwise. */
export function importTarget(name: string): WriteTarget {
  const target = WRITE_TARGETS.find((t) => t.table.name === name);
  if (!target) {
    const names = WRITE_TARGETS.map((t) => `${t.table.name} (${t.table.zh})`).join(", ");
    throw new ImportFileError(
      `无法导入表 "${name}" / cannot import table "${name}": 可导入 / importable tables are ${names}`,
    );
  }
  return target;
}

async function notInMaster(
  db: Db,
  target: WriteTarget,
  rows: readonly WriteRow[],
): Promise<NotInMaster | null> {
  if (!target.wellInMaster) return null;
  const known = await wellsInMaster(db, rows.map((r) => String(r.values.well_id)));
  const missing = rows.filter((r) => !known.has(String(r.values.well_id)));
  const wells = [...new Set(missing.map((r) => String(r.values.well_id)))];
  return { rows: missing.length, wells: wells.length, examples: wells.slice(0, 20) };
}

/**
 * Imports one .xlsx or .csv file into its table: reads it (readTableFile), checks
 * every row field by field, then upserts by natural key in ONE transaction, so a
 * failure anywhere leaves the database as it was. Importing the same file again
 * changes nothing; a changed row is updated and its previous values kept in
 * record_history. Empty cells of a column the file has clear the stored value;
 * columns the file lacks are left alone. A dry run plans the same and writes nothing.
 */
export async function importFile(
  db: Db,
  bytes: Uint8Array,
  options: ImportFileOptions,
): Promise<ImportSummary> {
  const now = options.now ?? (() => performance.now());
  const started = now();
  const tables = WRITE_TARGETS.map((t) => t.table);
  const table = options.table ? importTarget(options.table).table : undefined;
  let parsed;
  try {
    parsed = await readTableFile(bytes, { fileName: options.fileName, tables, table });
  } catch (error) {
    throw new ImportFileError((error as Error).message);
  }
  const target = importTarget(parsed.table.name);
  const check = recordChecker(target);
  const rejected: RowRejection[] = [...parsed.rejected];
  const rows: WriteRow[] = [];
  for (const r of parsed.rows) {
    const checked = check(r.values);
    if (checked.ok) rows.push({ row: r.row, values: checked.values });
    else for (const p of checked.problems) rejected.push({ row: r.row, ...p });
  }
  options.onStart?.(rows.length);
  const upsert = { actor: options.actor, onProgress: options.onProgress };
  const result = options.dryRun
    ? await upsertRows(db, target, rows, { ...upsert, apply: false })
    : await db.transaction((tx) => upsertRows(tx, target, rows, { ...upsert, apply: true }));
  for (const p of result) {
    if (p.kind === "rejected") { for (const q of p.problems) rejected.push({ row: p.row, ...q }); }
  }
  rejected.sort((a, b) => a.row - b.row);
  const stored = result.filter((p) => p.kind !== "rejected");
  const count = (kind: string) => result.filter((p) => p.kind === kind).length;
  const seconds = (now() - started) / 1000;
  const superseded = parsed.duplicateKeys.reduce((n, d) => n + d.rows.length - 1, 0);
  const rowsRead = parsed.rows.length + superseded +
    new Set(parsed.rejected.map((r) => r.row)).size;
  return {
    file: options.fileName,
    table: target.table.name,
    format: parsed.format,
    encoding: parsed.encoding,
    dry_run: options.dryRun,
    rows_read: rowsRead,
    inserted: count("insert"),
    updated: count("update"),
    unchanged: count("unchanged"),
    rejected: new Set(rejected.map((r) => r.row)).size,
    rejected_rows: rejected,
    blank_rows: parsed.blankRows,
    duplicate_keys: parsed.duplicateKeys,
    unknown_columns: parsed.unknownColumns,
    not_in_master: await notInMaster(db, target, stored),
    seconds: Math.round(seconds * 100) / 100,
    rows_per_second: seconds > 0 ? Math.round(rowsRead / seconds) : rowsRead,
  };
}
