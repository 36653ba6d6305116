import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { compareJob, compareRowsJob, ropJob, ropRowsJob } from "../../lib/data/analysis-jobs.ts";
import type { RopJobInput } from "../../lib/data/analysis-jobs.ts";
import { compareSql } from "../../lib/data/analysis-compare-sql.ts";
import { ropSql } from "../../lib/data/analysis-rop-sql.ts";
import type { DailyFilter } from "../../lib/data/daily-filter.ts";
import { fmt } from "../../lib/analysis/format.ts";
import { roundTo } from "../../lib/analysis/round.ts";
import { mainWorkNptClassifier } from "../../lib/analysis/main-work-npt.ts";
import { nptBreakdown, nptFromTotals } from "../../lib/analysis/npt.ts";
import type { DrillingRecord } from "../../lib/analysis/record.ts";
import { activityLinesSql } from "../../lib/data/activity-lines-sql.ts";
import { dailyWhere } from "../../lib/data/daily-where.ts";
import { nptQueries, nptTotals } from "../../lib/data/npt-totals.ts";
import { insertFixture } from "../helpers/fixture.ts";
import { openTempDb } from "../helpers/temp-db.ts";
import type { TempDb } from "../helpers/temp-db.ts";

// The SQL of compare_wells and analyze_rop against the JavaScript reference (the rows read and
// computed in lib/analysis) on varied data. Sums in SQL are compensated (SQLite's sum()), in
// JavaScript left to right, so a raw figure may differ in its last bits: compared within 1e-12
// relative, and exactly as the answers show them (2 decimals in structured content, fmt's 1 in text).

let t: TempDb;
// A small deterministic generator, so a failure can be reproduced.
let seed = 16;
const rand = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)];
const iso = (day: number) =>
  new Date(Date.UTC(2023, 0, 1) + day * 86_400_000).toISOString().slice(0, 10);

const FORMATIONS = [null, "沙溪庙组", "须家河组", "八道湾组"];
const BITS = [null, "PDC", "牙轮"];

function wellRows(
  well: string,
  n: number,
  start: number,
): Record<string, string | number | null>[] {
  const rows: Record<string, string | number | null>[] = [];
  let day = start, depth = 0, cum = 0;
  const spud = pick(["same", "none", "invalid", "mixed"]);
  for (let i = 0; i < n; i++) {
    day += rand() < 0.15 ? 2 + Math.floor(rand() * 3) : 1; // gaps: no previous day, so no hours from the cumulative
    const footage = rand() < 0.1 ? null : rand() < 0.05 ? -5 : Math.round(rand() * 3000) / 10;
    depth += footage && footage > 0 ? footage : 0;
    const rise = rand() < 0.1 ? -3 : rand() < 0.1 ? 30 : Math.round(rand() * 240) / 10; // resets and jumps are not hours
    cum = Math.max(0, cum + rise);
    rows.push({
      well_id: well,
      report_date: iso(day),
      spud_date: spud === "same"
        ? iso(start)
        : spud === "invalid"
        ? "unknown"
        : spud === "mixed"
        ? iso(start + (i % 3))
        : null,
      depth_m: rand() < 0.08 ? null : Math.round(depth * 100) / 100,
      footage_m: footage,
      // ties: ROP on a coarse grid, so medians and P10/P90 fall on equal values
      rop_m_h: rand() < 0.1
        ? null
        : rand() < 0.05
        ? 0
        : rand() < 0.03
        ? -1
        : pick([4, 5, 5, 6.5, 8.25, 10, 12.1, 12.1, 15.35]),
      drilling_hours_h: rand() < 0.2 ? pick([0, 6.5, 11, -2]) : null,
      on_bottom_hours_cum_h: rand() < 0.1 ? null : cum,
      formation: pick(FORMATIONS),
      bit_type: pick(BITS),
      wob_kn: rand() < 0.3 ? null : Math.round(rand() * 1500) / 10,
      bit_diameter_mm: pick([215.9, 311.2, 0, null]),
      rpm: rand() < 0.3 ? null : Math.round(rand() * 1200) / 10,
      torque_kn_m: rand() < 0.3 ? null : Math.round(rand() * 300) / 10,
      npt_h: rand() < 0.5 ? null : pick([0, 1.5, 3, 26]),
      npt_category: pick([null, "设备", "等停"]),
    });
  }
  return rows;
}

before(async () => {
  t = await openTempDb();
  const wells: Record<string, string | number | null>[] = [];
  const daily: Record<string, string | number | null>[] = [];
  for (let w = 0; w < 24; w++) {
    const id = `井${String(w).padStart(2, "0")}`;
    wells.push({ well_id: id, block: "石南", spud_date: pick([null, "2022-12-25", "2023-13-01"]) });
    daily.push(
      ...wellRows(id, w === 0 ? 1 : 5 + Math.floor(rand() * 40), Math.floor(rand() * 400)),
    ); // one well with one report
  }
  // Across month, year and leap-day ends: the day before is found by date().
  daily.push(
    ...["2023-12-30", "2023-12-31", "2024-01-01", "2024-02-28", "2024-02-29", "2024-03-01"].map((
      d,
      i,
    ) => ({
      well_id: "边界",
      report_date: d,
      depth_m: 100 * (i + 1),
      footage_m: 100,
      rop_m_h: 10 + i,
      on_bottom_hours_cum_h: 8 * i,
      spud_date: "2023-12-01",
      formation: "沙溪庙组",
    })),
  );
  // A well whose last report has no depth, and one with no depth at all.
  daily.push({
    well_id: "无深",
    report_date: "2023-03-01",
    depth_m: 500,
    footage_m: 50,
    rop_m_h: 5,
  }, { well_id: "无深", report_date: "2023-03-02", depth_m: null, footage_m: 60, rop_m_h: 6 });
  daily.push({ well_id: "全空", report_date: "2023-03-01", spud_date: "2023-02-01" });
  // NPT read from the main-work text: several causes in a report, over 24 h (capped), a cause without hours, none.
  daily.push(
    ...[
      "等停待料20小时；大风停工10小时",
      "处理卡钻6小时，泡油解卡",
      "修泵，钻进",
      "钻进，无复杂",
      "等停待料4小时；大风停工3小时",
      "等停待料20小时；大风停工5小时",
    ].map((main_work, i) => ({
      well_id: "文字",
      report_date: iso(10 + i),
      depth_m: 100 * (i + 1),
      footage_m: 100,
      rop_m_h: 5,
      main_work,
    })),
  );
  await insertFixture(t.db, wells, daily);
  // Soft-deleted rows count nowhere.
  await t.db.execute(
    "UPDATE drilling_daily SET deleted_at = '2026-01-01T00:00:00Z' WHERE id % 17 = 0",
  );
});
after(() => t.close());

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v) && !(v instanceof Map);

/** Asserts two answers are the same: numbers to 1e-12 (and equal once rounded and shown), the rest exactly. */
function same(sql: unknown, js: unknown, path: string): void {
  if (typeof sql === "number" && typeof js === "number") {
    assert.ok(
      Math.abs(sql - js) <= 1e-12 * Math.max(1, Math.abs(js)),
      `${path}: SQL ${sql}, JavaScript ${js}`,
    );
    assert.equal(roundTo(sql, 2), roundTo(js, 2), `${path} rounded`);
    assert.equal(fmt(sql), fmt(js), `${path} shown`);
    return;
  }
  if (Array.isArray(sql) && Array.isArray(js)) {
    const [a, b]: readonly unknown[][] = [sql, js];
    assert.equal(a.length, b.length, `${path} length`);
    a.forEach((v, i) => same(v, b[i], `${path}[${i}]`));
    return;
  }
  if (sql instanceof Map && js instanceof Map) {
    assert.deepEqual([...sql.keys()], [...js.keys()], `${path} keys`);
    for (const [k, v] of sql) same(v, js.get(k), `${path}.get(${JSON.stringify(k)})`);
    return;
  }
  if (isRecord(sql) && isRecord(js)) {
    assert.deepEqual(Object.keys(sql), Object.keys(js), `${path} keys`);
    for (const k of Object.keys(sql)) same(sql[k], js[k], `${path}.${k}`);
    return;
  }
  assert.deepEqual(sql, js, path);
}

/** Asserts compare_wells gives the same answer by its SQL path (where it takes it) as from the rows. */
async function sameCompare(filter: DailyFilter, path: string): Promise<void> {
  same(
    await compareJob(t.db, { filter }),
    await compareRowsJob(t.db, { filter }),
    path,
  );
}

/** Asserts analyze_rop gives the same answer by its SQL path (where it takes it) as from the rows. */
async function sameRop(input: RopJobInput, path: string): Promise<void> {
  same(
    await ropJob(t.db, input),
    await ropRowsJob(t.db, input),
    path,
  );
}

const PLACEHOLDER = {
  rows: 0,
  days: null,
  final_depth_m: null,
  metres_per_day_m_d: null,
  rop_m_h: null,
  rop_time_based_m_h: null,
  npt_share_pct: null,
  mean_mse_mpa: null,
};

const FILTERS: DailyFilter[] = [
  {},
  { date_from: "2023-06-01" },
  { date_from: "2023-03-01", date_to: "2023-09-30" },
  { formation: "沙溪庙" },
  { depth_min_m: 1000 },
  { depth_max_m: 3000 },
  { latest: true },
  { well_ids: ["井00"] },
  { well_ids: ["井03", "井07", "边界"] },
  { date_from: "2031-01-01" },
];

test("plain data: compare_wells and analyze_rop take the SQL path and give the reference's figures, order and headlines", async () => {
  let taken = 0, cases = 0;
  for (const filter of FILTERS) {
    assert.notEqual(
      await compareSql(t.db, filter, new Map(), async (well_id) => ({ ...PLACEHOLDER, well_id })),
      null,
      `compare SQL path for ${JSON.stringify(filter)}`,
    );
    await sameCompare(filter, `compare ${JSON.stringify(filter)}`);
    for (const by of ["formation", "bit_type", "well_id"] as const) {
      // null when the groups' order or a shown figure could differ (ties between small groups): the rows decide then.
      if ((await ropSql(t.db, filter, by, "slowest")) !== null) taken++;
      cases++;
      for (const sort of ["slowest", "fastest", "metres", "rows", "name"] as const) {
        await sameRop({ filter, by, sort }, `rop ${by} ${sort} ${JSON.stringify(filter)}`);
      }
    }
  }
  assert.ok(taken >= cases / 2, `ROP took the SQL path ${taken} times of ${cases}`);
  for (const by of ["formation", "bit_type"] as const) {
    assert.notEqual(await ropSql(t.db, {}, by, "slowest"), null, `field-wide ROP by ${by} in SQL`);
  }
  // The data does have what the test is about: a well with one report, ties, wells filled from the master.
  const all = await compareRowsJob(t.db, { filter: {} });
  assert.ok(all.result.wells.some((w) => w.rows === 1));
  assert.ok(
    all.result.wells.some((w) => w.final_depth_m === null) &&
      all.result.wells.some((w) => w.mean_mse_mpa !== null),
  );
  const total =
    (await ropRowsJob(t.db, { filter: {}, by: "formation", sort: "slowest" })).result.total;
  assert.ok(total.on_bottom_hours_h! > 0 && total.rop_median_m_h !== null);
});

test("a well id the SQL would read differently (checked once per well) sends the analysis back to the rows", async () => {
  // U+3000 at the end: String.prototype.trim strips it, SQLite's trim does not; char(1) is the group key's separator.
  // 全空's one report has no figures (its numbers' checks are NULL): its id alone must still count.
  for (
    const [plain, odd] of [["井02", "井02\u3000"], ["井02", `井02${String.fromCharCode(1)}x`], [
      "全空",
      "全空\u3000",
    ]]
  ) {
    await t.db.execute("UPDATE drilling_daily SET well_id = ? WHERE well_id = ?", [odd, plain]);
    assert.equal(
      await compareSql(t.db, {}, new Map(), async (well_id) => ({ ...PLACEHOLDER, well_id })),
      null,
      `compare falls back for ${JSON.stringify(odd)}`,
    );
    for (const by of ["formation", "bit_type", "well_id"] as const) {
      assert.equal(
        await ropSql(t.db, {}, by, "slowest"),
        null,
        `ROP by ${by} falls back for ${JSON.stringify(odd)}`,
      );
      await sameRop(
        { filter: {}, by, sort: "slowest" },
        `rop by ${by} with ${JSON.stringify(odd)}`,
      );
    }
    await sameCompare({}, `compare with ${JSON.stringify(odd)}`);
    await t.db.execute("UPDATE drilling_daily SET well_id = ? WHERE well_id = ?", [plain, odd]);
  }
  assert.notEqual(await ropSql(t.db, {}, "formation", "slowest"), null, "plain again: SQL answers");
});

test("a row the SQL would read differently sends the analysis back to the rows, with the same answer", async () => {
  await insertFixture(t.db, [], [
    {
      well_id: "怪",
      report_date: "2023-05-01",
      formation: " 须家河组 ",
      footage_m: 10,
      rop_m_h: 5,
      depth_m: 10,
      spud_date: "2023-04-30",
    },
    {
      well_id: "怪",
      report_date: "2023-05-02",
      formation: "须家河组",
      footage_m: 20,
      rop_m_h: 7,
      depth_m: 30,
      spud_date: " 2023-04-29",
    },
  ]);
  await t.db.execute(
    "UPDATE drilling_daily SET footage_m = 'n/a' WHERE well_id = '井05' AND id = (SELECT min(id) FROM drilling_daily WHERE well_id = '井05' AND deleted_at IS NULL)",
  );
  for (const filter of [{}, { well_ids: ["怪"] }, { well_ids: ["井05"] }] as DailyFilter[]) {
    const fromRows: string[] = [];
    const fast = await compareSql(t.db, filter, new Map(), async (well_id) => {
      fromRows.push(well_id);
      return { ...PLACEHOLDER, well_id };
    });
    if (filter.well_ids?.[0] === "怪") {
      // 怪's two spud texts differ (one with an edge space): that well alone is read from its rows.
      assert.deepEqual([fast?.wells.map((w) => w.well_id), fromRows], [["怪"], ["怪"]]);
    } else assert.equal(fast, null, `compare falls back for ${JSON.stringify(filter)}`);
    assert.equal(
      await ropSql(t.db, filter, "formation", "slowest"),
      null,
      `ROP falls back for ${JSON.stringify(filter)}`,
    );
    await sameCompare(filter, `compare ${JSON.stringify(filter)}`);
    await sameRop({ filter, by: "formation", sort: "slowest" }, `rop ${JSON.stringify(filter)}`);
  }
  // One spud text on all of a well's reports, with an edge space: checked once for the well.
  await t.db.execute("UPDATE drilling_daily SET spud_date = ' 2023-04-29' WHERE well_id = '怪'");
  assert.equal(
    await compareSql(t.db, { well_ids: ["怪"] }, new Map(), async (well_id) => ({
      ...PLACEHOLDER,
      well_id,
    })),
    null,
    "compare falls back for one odd spud text",
  );
  await sameCompare({ well_ids: ["怪"] }, "compare with one odd spud text");
  // " 须家河组 " and "须家河组" are one group, as text() reads them.
  const r = await ropJob(t.db, { filter: { well_ids: ["怪"] }, by: "formation", sort: "slowest" });
  assert.deepEqual(r.result.groups.map((g) => [g.group, g.rows]), [["须家河组", 2]]);
});

test("the field-wide queries read the covering index, not the table", async () => {
  const plan = async (sql: string, args: readonly unknown[]) =>
    (await t.db.execute(`EXPLAIN QUERY PLAN ${sql}`, args as never)).rows.map((r) =>
      String(r.detail)
    ).join("\n");
  const { compareQuery } = await import("../../lib/data/analysis-compare-sql.ts");
  const { ropQuery } = await import("../../lib/data/analysis-rop-sql.ts");
  for (const q of [compareQuery({}), ropQuery({}, "formation")]) {
    const p = await plan(q.sql, q.args);
    assert.match(p, /SCAN d USING COVERING INDEX drilling_daily_figures/);
    assert.match(
      p,
      /SEARCH p USING COVERING INDEX drilling_daily_figures \(well_id=\? AND report_date=\?\)/,
      "the day before, from the index too",
    );
  }
  const compare = compareQuery({});
  assert.match(
    await plan(compare.sql, compare.args),
    /SEARCH z USING COVERING INDEX drilling_daily_figures/,
    "each well's last depth, from the index too",
  );
});

test("analyze_npt's sums in SQL (nptTotals over daily_npt) give the reference's figures, sources, wells and order", async () => {
  for (const filter of [...FILTERS, { well_ids: ["文字"] }]) {
    const where = dailyWhere(filter);
    const rows = (await t.db.execute(
      `SELECT d.well_id, d.report_date, d.npt_h, d.npt_category, d.main_work, ${
        activityLinesSql("d")
      } FROM drilling_daily d WHERE ${where.sql} ORDER BY d.well_id, d.report_date, d.id`,
      where.args,
    )).rows as DrillingRecord[];
    let unknown = 0;
    const js = nptBreakdown(rows, { classify: mainWorkNptClassifier(() => (unknown = 1)) });
    const totals = await nptTotals(t.db, filter);
    same(nptFromTotals(totals), js, JSON.stringify(filter));
    if (!filter.well_ids?.includes("文字")) continue;
    assert.ok(
      totals.capped >= 2 && totals.byWell.get("文字")!.npt.size >= 3 && unknown === 1 &&
        totals.hoursUnknown === 1,
      "the text fixture is exercised",
    );
  }
});

test("analyze_npt's per-report query reads the covering index and daily_npt's key, not the wide table", async () => {
  const q = nptQueries({});
  const plan = (await t.db.execute(`EXPLAIN QUERY PLAN ${q.days}`, q.args)).rows.map((r) =>
    String(r.detail)
  ).join("\n");
  assert.match(plan, /SCAN d USING COVERING INDEX drilling_daily_figures/);
  assert.match(plan, /SEARCH p USING PRIMARY KEY \(report_id=\? AND ord=\?\)/);
});
