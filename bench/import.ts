import iconv from "iconv-lite";
import { readTableFile } from "../lib/import/read-table-file.ts";
import { DRILLING_DAILY } from "../lib/schema/drilling-daily.ts";
import { WELLS } from "../lib/schema/wells.ts";
import { generateDailyCsv } from "../test/import/daily-csv.ts";

/** Import throughput for one generated daily CSV. */
export interface ImportResult {
  readonly lines: number;
  /** Parsing (decode, header detection, value normalisation) of a GB18030 file, rows per second. */
  readonly parseRowsPerSec: number;
  /** Parsing and writing into the database; null until the writing importer exists. */
  readonly writeRowsPerSec: number | null;
}

/**
 * Times readTableFile on a generated `lines`-line GB18030 daily CSV (the field's encoding).
 * Hook: when the writing importer lands, time it here on the same bytes and fill writeRowsPerSec.
 */
export async function measureImport(lines: number): Promise<ImportResult> {
  const bytes = new Uint8Array(iconv.encode(generateDailyCsv(lines).text, "gb18030"));
  const started = performance.now();
  const parsed = await readTableFile(bytes, { fileName: "daily.csv", tables: [WELLS, DRILLING_DAILY] });
  const seconds = (performance.now() - started) / 1000;
  return { lines, parseRowsPerSec: parsed.rows.length / seconds, writeRowsPerSec: null };
}
