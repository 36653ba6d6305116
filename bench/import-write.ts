// Times a full import (parse + upsert in one transaction) of a generated daily CSV into a fresh
// libSQL file, then a re-import of the same file (every row unchanged) and a dry run.
// Usage: node bench/import-write.ts [lines]   (default 100000)
import process from "node:process";
import { importFile } from "../lib/import/import-file.ts";
import { openTempDb } from "../test/helpers/temp-db.ts";
import { generateDailyCsv } from "../test/import/daily-csv.ts";

const lines = Number(process.argv[2] ?? 100_000);
const { db, close } = await openTempDb();
try {
  const bytes = new TextEncoder().encode(generateDailyCsv(lines).text);
  for (
    const [label, dryRun] of [["import (empty db)", false], ["re-import (unchanged)", false], [
      "dry run",
      true,
    ]] as const
  ) {
    const cpu = process.cpuUsage();
    const started = performance.now();
    const s = await importFile(db, bytes, { fileName: "daily.csv", dryRun, actor: "bench" });
    const seconds = (performance.now() - started) / 1000;
    const used = process.cpuUsage(cpu);
    const cpuSeconds = (used.user + used.system) / 1e6;
    const rows = s.inserted + s.updated + s.unchanged;
    console.log(
      `${label}: ${lines} lines, ${rows} rows (inserted ${s.inserted}, updated ${s.updated}, unchanged ${s.unchanged}) ` +
        `in ${seconds.toFixed(2)} s = ${Math.round(rows / seconds)} rows/s (cpu ${
          cpuSeconds.toFixed(2)
        } s = ${Math.round(rows / cpuSeconds)} rows/cpu-s)`,
    );
  }
} finally {
  await close();
}
