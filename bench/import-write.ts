// Times a full import (parse + upsert in one transaction) of a generated daily CSV into a fresh
// libSQL file, then a re-import of the same file (every row unchanged) and a dry run.
// Usage: node bench/import-write.ts [lines]   (default 100000)
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import process from "node:process";
import { openDatabase } from "../lib/db.ts";
import { importFile } from "../lib/import/import-file.ts";
import { migrate } from "../lib/migrations/index.ts";
import { generateDailyCsv } from "../test/import/daily-csv.ts";

const lines = Number(process.argv[2] ?? 100_000);
const dir = await mkdtemp(join(tmpdir(), "oilfield-bench-import-"));
const path = join(dir, "bench.db");
const db = await openDatabase({ url: `file:${path}`, kind: "file", path });
try {
  await migrate(db);
  const bytes = new TextEncoder().encode(generateDailyCsv(lines).text);
  for (const [label, dryRun] of [["import (empty db)", false], ["re-import (unchanged)", false], ["dry run", true]] as const) {
    const cpu = process.cpuUsage();
    const started = performance.now();
    const s = await importFile(db, bytes, { fileName: "daily.csv", dryRun, actor: "bench" });
    const seconds = (performance.now() - started) / 1000;
    const used = process.cpuUsage(cpu);
    const cpuSeconds = (used.user + used.system) / 1e6;
    const rows = s.inserted + s.updated + s.unchanged;
    console.log(
      `${label}: ${lines} lines, ${rows} rows (inserted ${s.inserted}, updated ${s.updated}, unchanged ${s.unchanged}) ` +
        `in ${seconds.toFixed(2)} s = ${Math.round(rows / seconds)} rows/s (cpu ${cpuSeconds.toFixed(2)} s = ${Math.round(rows / cpuSeconds)} rows/cpu-s)`,
    );
  }
} finally {
  db.close();
  await rm(dir, { recursive: true, force: true });
}
