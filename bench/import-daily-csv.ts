// Times readTableFile on a generated daily CSV (GB18030 and UTF-8).
// Usage: node bench/import-daily-csv.ts [lines]
import iconv from "iconv-lite";
import { readTableFile } from "../lib/import/read-table-file.ts";
import { WELLS } from "../lib/schema/wells.ts";
import { DRILLING_DAILY } from "../lib/schema/drilling-daily.ts";
import { generateDailyCsv } from "../test/import/daily-csv.ts";

const lines = Number(process.argv[2] ?? 100_000);
const csv = generateDailyCsv(lines);
const files = {
  gb18030: new Uint8Array(iconv.encode(csv.text, "gb18030")),
  "utf-8": new TextEncoder().encode(csv.text),
};
for (const [encoding, bytes] of Object.entries(files)) {
  const started = performance.now();
  const parsed = await readTableFile(bytes, {
    fileName: "daily.csv",
    tables: [WELLS, DRILLING_DAILY],
  });
  const seconds = (performance.now() - started) / 1000;
  const rss = Math.round(process.memoryUsage().rss / 1e6);
  console.log(
    `${encoding}: ${parsed.rows.length} rows, ${parsed.blankRows} blank, ${
      (bytes.length / 1e6).toFixed(1)
    } MB ` +
      `in ${seconds.toFixed(2)} s = ${Math.round(lines / seconds)} lines/s, rss ${rss} MB`,
  );
}
