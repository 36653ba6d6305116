import { test } from "node:test";
import assert from "node:assert/strict";
import { DRILLING_DAILY_TARGET, WELLS_TARGET } from "../../lib/write/targets.ts";
import { recordChecker } from "../../lib/write/validate-record.ts";

const daily = recordChecker(DRILLING_DAILY_TARGET);

test("a good record is normalized: key text NFKC without spaces, other text trimmed, empty text null", () => {
  assert.deepEqual(
    daily({
      well_id: " 石南２０１ ",
      report_date: "2021-03-05",
      main_work: " 钻进 ",
      bit_type: "  ",
      depth_m: 0,
      rpm: null,
    }),
    {
      ok: true,
      values: {
        well_id: "石南201",
        report_date: "2021-03-05",
        main_work: "钻进",
        bit_type: null,
        depth_m: 0,
        rpm: null,
      },
    },
  );
});

test("every bad field is reported with its column, value and a bilingual reason", () => {
  const result = daily({
    report_date: "2021-13-01",
    depth_m: -1,
    mud_density_g_cm3: 0.5,
    bit_type: 7,
    spud_date: 20210101,
    nope: 1,
  });
  assert.equal(result.ok, false);
  if (result.ok) return;
  assert.deepEqual(result.problems.map((p) => [p.column, p.value]), [
    ["report_date", "2021-13-01"],
    ["depth_m", -1],
    ["mud_density_g_cm3", 0.5],
    ["bit_type", 7],
    ["spud_date", 20210101],
    ["nope", 1],
    ["well_id", null],
  ]);
  assert.match(
    result.problems[1].reason,
    /^当日井深 \[DRJS\] -1 超出合理范围 0–15000 m \/ measured depth at report time -1 is outside/,
  );
  assert.match(
    result.problems[6].reason,
    /^缺少井号 \[JH\] \/ missing well id \(well_id\): 每条记录都要有 井号 \[JH\], 日期 \[RQ\]/,
  );
});

test("the well master checks its own numeric columns and whole numbers", () => {
  const wells = recordChecker(WELLS_TARGET);
  const result = wells({
    well_id: "W1",
    is_key_well: 2,
    design_depth_m: 4500,
    ground_elevation_m: -600,
  });
  assert.equal(result.ok, false);
  if (result.ok) return;
  assert.deepEqual(result.problems.map((p) => p.column), ["is_key_well", "ground_elevation_m"]);
  assert.deepEqual(wells({ well_id: "W1", is_key_well: 1 }), {
    ok: true,
    values: { well_id: "W1", is_key_well: 1 },
  });
});
