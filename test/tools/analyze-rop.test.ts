import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { callBoth } from "../helpers/call-both.ts";
import { startFixtureServer } from "../helpers/fixture-server.ts";
import { identity, restCall } from "../helpers/server.ts";
import { tableRows } from "../helpers/table-rows.ts";
import type { TestServer } from "../helpers/server.ts";
import { assertFields } from "../helpers/assert-fields.ts";

let server: TestServer;
before(async () => {
  server = await startFixtureServer(
    [{ well_id: "T1" }, { well_id: "T2" }],
    tableRows(
      [
        "well_id",
        "report_date",
        "formation",
        "bit_type",
        "footage_m",
        "rop_m_h",
        "drilling_hours_h",
      ],
      ["T1", "2026-03-01", "A组", "PDC1", 100, 10, 10],
      ["T1", "2026-03-02", "A组", "PDC1", 300, 20, 15],
      ["T1", "2026-03-03", "B组", "TRI", 50, 5, 10],
      ["T1", "2026-03-04", "B组", "TRI", 0, null, 0],
      ["T2", "2026-03-01", "B组", "TRI", 60, 3, 20],
      ["T2", "2026-03-02", "A组", "PDC1", 200, 25, 8],
    ),
  );
});
after(() => server.close());

test("by formation, slowest first, every figure as computed by hand", async () => {
  const { result, text } = await callBoth(server.url, "analyze_rop", {});
  assert.deepEqual(result.groups.map((g: { group: string }) => g.group), ["B组", "A组"]);
  const [b, a] = result.groups;
  // A: ROP 10, 20, 25 over 100, 300, 200 m → (1000 + 6000 + 5000) / 600 = 20; median 20;
  //    P10 = 10 + 0.2·(20 − 10) = 12; P90 = 20 + 0.8·(25 − 20) = 24; 600 m / 33 h = 18.18
  assert.deepEqual(
    [
      a.rows,
      a.metres_drilled_m,
      a.rop_footage_weighted_m_h,
      a.rop_median_m_h,
      a.rop_p10_m_h,
      a.rop_p90_m_h,
      a.on_bottom_hours_h,
      a.rop_time_based_m_h,
    ],
    [3, 600, 20, 20, 12, 24, 33, 18.18],
  );
  // B: ROP 5, 3 (one day without ROP) over 50, 60 m → 430 / 110 = 3.91; median 4; P10 3.2; P90 4.8; 110 m / 30 h = 3.67
  assert.deepEqual(
    [
      b.rows,
      b.rows_without_rop,
      b.metres_drilled_m,
      b.rop_footage_weighted_m_h,
      b.rop_median_m_h,
      b.rop_p10_m_h,
      b.rop_p90_m_h,
      b.rop_time_based_m_h,
    ],
    [3, 1, 110, 3.91, 4, 3.2, 4.8, 3.67],
  );
  // all: 12430 / 710 = 17.51; median of 3, 5, 10, 20, 25 = 10
  assertFields(result.total, {
    rows: 6,
    metres_drilled_m: 710,
    rop_footage_weighted_m_h: 17.51,
    rop_median_m_h: 10,
  });
  assert.match(
    text,
    /^按地层：最慢 B组 3\.9 m\/h，最快 A组 20 m\/h（进尺加权）；1 行缺少钻速 \/ by formation: slowest B组 3\.9 m\/h/,
  );
  assert.match(text, /\| B组 \| 3 \| 110 \| 3\.9 \| 4 \| 3\.2 \| 4\.8 \| 3\.7 \|/);
  assert.match(text, /\| 合计 All \| 6 \| 710 \| 17\.5 \|/);
});

test("by well and by bit, and the shared filter narrows the rows", async () => {
  const wells =
    (await callBoth(server.url, "analyze_rop", { group_by: "well_id", sort: "name" })).result;
  // T1: 7250 / 450 = 16.11; T2: 5180 / 260 = 19.92
  assert.deepEqual(
    wells.groups.map((
      g: { group: string; rop_footage_weighted_m_h: number },
    ) => [g.group, g.rop_footage_weighted_m_h]),
    [["T1", 16.11], ["T2", 19.92]],
  );
  const bits =
    (await callBoth(server.url, "analyze_rop", { group_by: "bit_type", sort: "fastest" })).result;
  assert.deepEqual(bits.groups.map((g: { group: string }) => g.group), ["PDC1", "TRI"]);
  const t2a =
    (await callBoth(server.url, "analyze_rop", { well_id: "T2", formation: "a组" })).result;
  assert.deepEqual([t2a.total.rows, t2a.total.rop_footage_weighted_m_h], [1, 25]);
  assert.match(t2a.filter, /T2/);
  const early = (await callBoth(server.url, "analyze_rop", { date_to: "2026-03-01" })).result;
  assert.equal(early.total.rows, 2);
  const first = await callBoth(server.url, "analyze_rop", { limit: 1 });
  assert.deepEqual([
    first.result.groups.length,
    first.result.groups_total,
    first.result.groups[0].group,
    first.result.total.rows,
  ], [1, 2, "B组", 6]);
  assert.match(first.text, /共 2 组，列出 1 组/);
});

test("a filter that selects nothing says so plainly, not as an error", async () => {
  const { result, text } = await callBoth(server.url, "analyze_rop", {
    well_id: "T1",
    date_from: "2030-01-01",
  });
  assert.deepEqual(result.groups, []);
  assert.equal(result.total.rows, 0);
  assert.match(
    text,
    /^没有匹配的记录（钻速分析） \/ no rows matched \(ROP analysis\)（筛选 filter: 井号 well T1；日期 date 2030-01-01 – …）\n日期 dates: 起 from 日期 date = 2030-01-01$/,
  );
  // A well nobody has is the shared filter's 404 naming it, not an empty analysis.
  const unknown = await restCall(server.url, identity("USER"), "analyze_rop", { well_id: "ZZ9" });
  assert.equal(unknown.status, 404);
  assert.match(unknown.body.message, /ZZ9/);
});
