import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { callBoth } from "../helpers/call-both.ts";
import { startFixtureServer } from "../helpers/fixture-server.ts";
import { identity, restCall } from "../helpers/server.ts";
import type { TestServer } from "../helpers/server.ts";

let server: TestServer;
before(async () => {
  const wells = [
    ...["A1", "A2", "A3"].map((well_id) => ({ well_id, block: "测试" })),
    { well_id: "B1", block: "别处" },
  ];
  // Thursday 2026-03-05 in Asia/Shanghai: 本周 = 2026-03-02 … 2026-03-08.
  const now = () => new Date("2026-03-05T10:00:00+08:00");
  server = await startFixtureServer(wells, [
    {
      well_id: "A1",
      report_date: "2026-03-01",
      depth_m: 900,
      footage_m: 100,
      rop_m_h: 10,
      drilling_hours_h: 10,
      npt_h: 0,
      main_work: "钻进至900m",
    },
    {
      well_id: "A1",
      report_date: "2026-03-02",
      depth_m: 1000,
      footage_m: 100,
      rop_m_h: 10,
      drilling_hours_h: 10,
      npt_h: 0,
      mud_density_g_cm3: 1.2,
      bit_type: "PDC X",
      bit_diameter_mm: 215.9,
      main_work: "钻进至1000m",
    },
    {
      well_id: "A1",
      report_date: "2026-03-03",
      depth_m: 1150,
      footage_m: 150,
      rop_m_h: 12,
      drilling_hours_h: 12.5,
      npt_h: 6,
      npt_category: "downhole",
      mud_density_g_cm3: 1.25,
      bit_type: "PDC X",
      bit_diameter_mm: 215.9,
      main_work: "钻进至1150m；处理卡钻6小时",
    },
    // No npt_h: the 3 h come from the main-work text.
    {
      well_id: "A1",
      report_date: "2026-03-04",
      depth_m: 1200,
      footage_m: 50,
      rop_m_h: 5,
      drilling_hours_h: 10,
      npt_h: null,
      mud_density_g_cm3: 1.3,
      bit_type: "PDC Y",
      bit_diameter_mm: 215.9,
      main_work: "钻进至1200m；修理泥浆泵3小时",
    },
    {
      well_id: "A2",
      report_date: "2026-03-02",
      depth_m: 500,
      footage_m: 200,
      rop_m_h: 20,
      drilling_hours_h: 8,
      npt_h: null,
      mud_density_g_cm3: 1.1,
      bit_type: "牙轮 HJ517",
      bit_diameter_mm: 444.5,
      main_work: "下表层套管至500m，固井",
    },
    {
      well_id: "A2",
      report_date: "2026-03-03",
      depth_m: 500,
      footage_m: 0,
      rop_m_h: null,
      drilling_hours_h: 0,
      npt_h: 12,
      npt_category: "等停",
      mud_density_g_cm3: 1.1,
      main_work: "等停12小时",
    },
    {
      well_id: "B1",
      report_date: "2026-03-03",
      depth_m: 800,
      footage_m: 300,
      rop_m_h: 30,
      drilling_hours_h: 10,
      npt_h: 0,
    },
  ], { now });
});
after(() => server.close());

const pick = (o: Record<string, unknown>, keys: string[]) => keys.map((k) => o[k]);
const FIGURES = [
  "report_days",
  "depth_from_m",
  "depth_to_m",
  "footage_m",
  "on_bottom_hours_h",
  "rop_m_h",
  "metres_per_day_m_d",
  "npt_h",
  "npt_share_pct",
  "mud_density_min_g_cm3",
  "mud_density_max_g_cm3",
];

test("block report: every number as computed by hand, wells ranked with a benchmark", async () => {
  const { result, text } = await callBoth(server.url, "get_period_report", {
    block: "测试区块",
    period: "2026-03-02~2026-03-04",
  });
  assert.equal(result.block, "测试");
  assert.equal(result.wells_in_block, 3);
  assert.deepEqual(result.period, {
    from: "2026-03-02",
    to: "2026-03-04",
    label: result.period.label,
    calendar_days: 3,
  });
  // A1: 900 → 1200 m, 300 m in 32.5 h; ROP (10·10 + 12·12.5 + 5·10) / 32.5 = 9.23; NPT 6 + 3 = 9 h of 72 h = 12.5 %.
  // A2: 300 → 500 m, 200 m in 8 h, ROP 20; NPT 12 h of 48 h = 25 %. Both 100 m/d: A2 first on ROP.
  assert.deepEqual(
    result.wells.map((w: Record<string, unknown>) => [w.well_id, ...pick(w, FIGURES)]),
    [
      ["A2", 2, 300, 500, 200, 8, 20, 100, 12, 25, 1.1, 1.1],
      ["A1", 3, 900, 1200, 300, 32.5, 9.23, 100, 9, 12.5, 1.2, 1.3],
    ],
  );
  // Block: 500 m, 40.5 h, ROP (300 + 160) / 40.5 = 11.36; NPT 21 h of 120 h = 17.5 %.
  assert.deepEqual(pick(result.summary, FIGURES), [
    5,
    null,
    null,
    500,
    40.5,
    11.36,
    100,
    21,
    17.5,
    1.1,
    1.3,
  ]);
  assert.deepEqual(result.ranking, {
    fastest: ["A2", "A1"],
    most_npt: ["A2", "A1"],
    benchmark_well: "A2",
  });
  assert.deepEqual(
    result.npt_categories.map((c: Record<string, unknown>) =>
      pick(c, ["category", "npt_h", "share_of_npt_pct", "npt_share_pct"])
    ),
    [
      ["waiting", 12, 57.14, 10],
      ["downhole", 6, 28.57, 5],
      ["equipment", 3, 14.29, 2.5],
      ["weather", 0, 0, 0],
      ["other", 0, 0, 0],
    ],
  );
  assert.deepEqual([result.classified_rows, result.rows_without_npt], [2, 0]);
  assert.deepEqual(
    result.bits.map((b: Record<string, unknown>) =>
      pick(b, [
        "bit_type",
        "bit_diameter_mm",
        "wells",
        "first_date",
        "last_date",
        "report_days",
        "footage_m",
      ])
    ),
    [
      ["PDC X", 215.9, ["A1"], "2026-03-02", "2026-03-03", 2, 250],
      ["牙轮 HJ517", 444.5, ["A2"], "2026-03-02", "2026-03-02", 1, 200],
      ["PDC Y", 215.9, ["A1"], "2026-03-04", "2026-03-04", 1, 50],
    ],
  );
  assert.deepEqual(
    result.events.map((e: Record<string, unknown>) =>
      pick(e, ["date", "well_id", "kind", "category", "hours"])
    ),
    [
      ["2026-03-02", "A2", "operation", "casing,cementing", null],
      ["2026-03-03", "A1", "npt", "downhole", 6],
      ["2026-03-03", "A2", "npt", "waiting", 12],
      ["2026-03-04", "A1", "npt", "equipment", 3],
    ],
  );
  assert.deepEqual(result.days, []);
  assert.match(
    text,
    /^测试区块 2026-03-02 – 2026-03-04：2 口井，5 个报告日，进尺 500 m，平均钻速 11\.4 m\/h，非生产时间 21 h（17\.5%）/,
  );
  assert.match(text, /\| 1 \| A2 ★ \| 2 \| 300 → 500 \| 200 \| 100 \| 20 \| 12 \| 25 \| 1\.1 \|/);
  assert.match(text, /- 2026-03-03 A1 卡钻 stuck pipe 6 h：钻进至1150m；处理卡钻6小时/);
  assert.ok(!text.includes("B1"), "a well of another block stays out");
  // The charts carry the same numbers as the structured result.
  const [ranking, npt] = result.charts;
  assert.deepEqual(ranking.categories, ["A2 ★", "A1"]);
  assert.deepEqual(ranking.series.map((s: { values: number[] }) => s.values), [[100, 100], [
    20,
    9.23,
  ]]);
  assert.deepEqual(npt.series[0].values, [12, 6, 3]);
});

test("well report for 本周 (the default period, up to today): depth from/to, daily footage and NPT", async () => {
  const { result, text } = await callBoth(server.url, "get_period_report", { well_id: "a1" });
  assert.deepEqual([result.period.from, result.period.to, result.well_id, result.ranking], [
    "2026-03-02",
    "2026-03-05",
    "A1",
    null,
  ]);
  assert.deepEqual(pick(result.summary, FIGURES), [
    3,
    900,
    1200,
    300,
    32.5,
    9.23,
    100,
    9,
    12.5,
    1.2,
    1.3,
  ]);
  assert.deepEqual(
    result.days.map((d: Record<string, unknown>) => [d.date, d.footage_m, d.npt_h]),
    [["2026-03-02", 100, 0], ["2026-03-03", 150, 6], ["2026-03-04", 50, 3]],
  );
  assert.match(text, /- 井深 Depth: 900 → 1200 m/);
  assert.match(
    text,
    /- 平均钻速 ROP: 9\.23 m\/h（按纯钻时间加权 weighted by on-bottom hours, 32\.5 h）/,
  );
  assert.match(text, /- 钻井液密度 Mud density: 1\.2–1\.3 g\/cm³/);
  const [daily] = result.charts;
  assert.deepEqual(daily.categories, ["03-02", "03-03", "03-04"]);
  assert.deepEqual(daily.series.map((s: { values: number[] }) => s.values), [[100, 150, 50], [
    0,
    6,
    3,
  ]]);
});

test("the answer carries one inline MCP-UI resource per chart; a period without reports says so", async () => {
  const rest = await restCall(server.url, identity("USER"), "get_period_report", {
    block: "测试",
    period: "2026-03-02~2026-03-04",
  });
  assert.deepEqual(
    rest.body.content.map((
      c: { type: string; resource: { uri: string; mimeType: string } },
    ) => [c.type, c.resource.uri, c.resource.mimeType]),
    [
      ["resource", "ui://oilfield/get_period_report/chart-1.html", "text/html"],
      ["resource", "ui://oilfield/get_period_report/chart-2.html", "text/html"],
    ],
  );
  const empty = await callBoth(server.url, "get_period_report", { well_id: "A1", period: "上月" });
  assert.match(empty.text, /^A1 在 2026-02-01 – 2026-02-28 没有日报/);
  assert.equal(empty.result.charts, undefined, "no chart without data");
});

test("wrong arguments are refused with what to do", async () => {
  const both = await restCall(server.url, identity("USER"), "get_period_report", {
    well_id: "A1",
    block: "测试",
  });
  assert.equal(both.status, 400);
  assert.match(both.body.message, /give exactly one of well_id or block/);
  const unknown = await restCall(server.url, identity("USER"), "get_period_report", {
    block: "火星",
  });
  assert.equal(unknown.status, 404);
  assert.match(unknown.body.message, /^找不到区块 "火星"，已有区块：别处、测试/);
  const badDate = await restCall(server.url, identity("USER"), "get_period_report", {
    block: "测试",
    period: "下下周",
  });
  assert.equal(badDate.status, 400);
  assert.match(badDate.body.message, /^period: /);
});
