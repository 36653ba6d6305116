import iconv from "iconv-lite";
import { readTableFile } from "../lib/import/read-table-file.ts";
import { DRILLING_DAILY } from "../lib/schema/drilling-daily.ts";
import { WELLS } from "../lib/schema/wells.ts";
import { saveRecords } from "../lib/write/save-records.ts";
import { DRILLING_DAILY_TARGET } from "../lib/write/targets.ts";
import { openTempDb } from "../test/helpers/temp-db.ts";
import { generateDailyCsv } from "../test/import/daily-csv.ts";

/** Import throughput for one generated daily CSV. */
export interface ImportResult {
  readonly lines: number;
  /** Parsing (decode, header detection, value normalization) of a GB18030 file, rows per second. */
  readonly parseRowsPerSec: number;
  /** Saving the parsed rows into an empty database (saveRecords: checks, upsert plan, one transaction), rows per second. */
  readonly writeRowsPerSec: number;
  readonly inserted: number;
}

/** Times readTableFile on a generated `lines`-line GB18030 daily CSV (the field's encoding), then saveRecords on its rows. */
export async function measureImport(lines: number): Promise<ImportResult> {
  const bytes = new Uint8Array(iconv.encode(generateDailyCsv(lines).text, "gb18030"));
  let started = performance.now();
  const parsed = await readTableFile(bytes, {
    fileName: "daily.csv",
    tables: [WELLS, DRILLING_DAILY],
  });
  const parseSeconds = (performance.now() - started) / 1000;
  const { db, close } = await openTempDb();
  try {
    const records = parsed.rows.map((r) => r.values as Record<string, unknown>);
    started = performance.now();
    const saved = await saveRecords(db, DRILLING_DAILY_TARGET, records, {
      actor: "bench",
      allOrNothing: false,
      outsideScope: async () => new Set<string>(),
    });
    const writeSeconds = (performance.now() - started) / 1000;
    const inserted = saved.outcomes.filter((o) => o.status === "inserted").length;
    return {
      lines,
      parseRowsPerSec: parsed.rows.length / parseSeconds,
      writeRowsPerSec: records.length / writeSeconds,
      inserted,
    };
  } finally {
    await close();
  }
}
