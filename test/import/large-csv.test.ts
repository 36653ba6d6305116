import { test } from "node:test";
import assert from "node:assert/strict";
import iconv from "iconv-lite";
import { readTableFile } from "../../lib/import/read-table-file.ts";
import { WELLS } from "../../lib/schema/wells.ts";
import { DRILLING_DAILY } from "../../lib/schema/drilling-daily.ts";
import { generateDailyCsv } from "./daily-csv.ts";

test("a 100,000-line GBK daily CSV is read completely (rows/s printed, not asserted)", async () => {
  const csv = generateDailyCsv(100_000);
  const bytes = new Uint8Array(iconv.encode(csv.text, "gb18030"));
  const started = performance.now();
  const parsed = await readTableFile(bytes, {
    fileName: "daily.csv",
    tables: [WELLS, DRILLING_DAILY],
  });
  const seconds = (performance.now() - started) / 1000;
  console.log(
    `read ${parsed.rows.length} rows (${(bytes.length / 1e6).toFixed(1)} MB) in ${
      seconds.toFixed(2)
    } s: ${Math.round(100_000 / seconds)} lines/s`,
  );
  assert.equal(parsed.table, DRILLING_DAILY);
  assert.equal(parsed.encoding, "gb18030");
  assert.equal(parsed.rows.length, csv.dataRows);
  assert.equal(parsed.blankRows, csv.blankRows);
  assert.deepEqual(parsed.rejected, []);
  assert.deepEqual(parsed.duplicateKeys, []);
  assert.deepEqual(parsed.unknownColumns, ["DW"]);
  assert.deepEqual(parsed.rows[0], {
    row: 2,
    values: {
      well_id: "井0",
      report_date: "2020-01-01",
      spud_date: "2019-12-01",
      depth_m: 500,
      footage_m: 0.5,
      bit_type: "PDC",
      bit_diameter_mm: 215.9,
      wob_kn: 80,
      rop_m_h: 12.3,
      pump_pressure_mpa: 18.5,
      flow_rate_l_s: 32,
      mud_density_g_cm3: 1.25,
      mud_viscosity_s: 45,
      on_bottom_hours_cum_h: 0,
      main_work: "钻进至500m，循环, 处理钻井液",
    },
  });
  const last = parsed.rows.at(-1)!;
  assert.equal(last.row, 100_000); // row 100,001, the last line, is blank (every 25th)
  assert.equal(last.values.well_id, `井${(csv.dataRows - 1) % 2000}`);
  assert.equal(last.values.report_date, "2020-02-17");
});
