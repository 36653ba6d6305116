import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { nptBreakdown } from "../../lib/analysis/npt.ts";
import { fetchAnalysisRows } from "../../lib/data/analysis-rows.ts";
import { countRows } from "../helpers/count-rows.ts";
import { openTempDb } from "../helpers/temp-db.ts";
import type { TempDb } from "../helpers/temp-db.ts";
import { realData, sodirTotalDepth } from "../helpers/realdata.ts";
import { runImport } from "../helpers/import-cli.ts";

let t: TempDb;
before(async () => (t = await openTempDb()));
after(() => t.close());

const cli = (argv: string[]) => runImport(t.url, argv);

const n = async (sql: string, args: (string | number)[] = []) =>
  Number((await t.db.execute(sql, args)).rows[0].n);
async function tableCounts() {
  const names = ["wells", "drilling_daily", "drilling_activities", "record_history"];
  return Object.fromEntries(
    await Promise.all(names.map(async (x) => [x, await countRows(t.db, x)])),
  );
}

// Worked out from the campaign files line by line (hours = end − start, an end at or before the start is the next day):
// total hours, NPT hours of each `interruption -- …` sub-activity, grouped onto the project's categories.
const CAMPAIGNS = [
  {
    file: "15_9_F_12_campaign_events_raw.jsonl",
    well: "15/9-F-12",
    days: 96,
    lines: 1059,
    hours: 2248.5,
    // other 206.75 + rig up/down 2.25; maintain 25.25 + repair 22; waiting on weather 22.5; wait 1.25
    npt: { other: 209, equipment: 47.25, weather: 22.5, waiting: 1.25, downhole: 0 },
  },
  {
    file: "15_9_F_4_campaign_events_raw.jsonl",
    well: "15/9-F-4",
    days: 69,
    lines: 886,
    hours: 1626.75,
    // waiting on weather 215; fish 138.5; other 72.5 + rig up/down 19.25; wait 46.5; repair 30.75 + maintain 14.75
    npt: { weather: 215, downhole: 138.5, other: 91.75, waiting: 46.5, equipment: 45.5 },
  },
  {
    file: "15_9_F_10_campaign_events_raw.jsonl",
    well: "15/9-F-10",
    days: 71,
    lines: 1075,
    hours: 1693,
    // other 59.25 + rig up/down 3.75; maintain 30.75 + repair 1; waiting on weather 30.75; fish 4.75; wait 1.75
    npt: { other: 63, equipment: 31.75, weather: 30.75, downhole: 4.75, waiting: 1.75 },
  },
];

test("the CLI imports the three Volve drillReport XML files from their folder; again changes nothing", async () => {
  const dry = await cli([realData("volve_ddr_xml"), "--dry-run"]);
  assert.equal(dry.code, 0, dry.err);
  assert.match(dry.out, /dry run \(nothing written\)/);
  assert.deepEqual(await tableCounts(), {
    wells: 0,
    drilling_daily: 0,
    drilling_activities: 0,
    record_history: 0,
  });

  const report = join(t.dir, "xml.json");
  const first = await cli([realData("volve_ddr_xml"), "--report", report]);
  assert.equal(first.code, 0, first.err);
  assert.match(first.out, /新增 inserted 3/);
  assert.match(first.out, /42 activity lines: 新增 inserted 42/);
  assert.match(first.out, /wells created: 15\/9-F-14, 15\/9-F-1/);
  const json = JSON.parse(await readFile(report, "utf8"));
  const day = json.report.reports.find((r: { report_date: string }) =>
    r.report_date === "2007-12-03"
  );
  assert.deepEqual(day.figures.find((f: { field: string }) => f.field === "rop_m_h").value, 8.3);
  const rows = (await t.db.execute(
    "SELECT well_id, report_date, depth_m, footage_m, rop_m_h, bit_diameter_mm FROM drilling_daily ORDER BY well_id, report_date",
  )).rows;
  assert.deepEqual(rows.map((r) => [r.well_id, r.report_date, r.depth_m, r.footage_m, r.rop_m_h]), [
    ["15/9-F-1", "2007-12-02", 226, 82, null],
    ["15/9-F-1", "2007-12-03", 226, 0, 8.3],
    ["15/9-F-14", "2009-03-07", 3750, null, null],
  ]);
  const well =
    (await t.db.execute("SELECT well_id, name, operator FROM wells WHERE well_id = '15/9-F-1'"))
      .rows[0];
  assert.deepEqual([well.name, well.operator], ["NO 15/9-F-1", "StatoilHydro"]);
  const before = await tableCounts();
  const again = await cli([
    realData("volve_ddr_xml", "15_9_F_1_2007_12_03.xml"),
    realData("volve_ddr_xml", "15_9_F_1_2007_12_02.xml"),
  ]);
  assert.match(again.out, /新增 inserted 0, 更新 updated 0, 未变 unchanged 2/);
  assert.match(again.out, /matched to stored well 15\/9-F-1/);
  assert.deepEqual(await tableCounts(), before, "re-importing changes nothing");
});

test("the CLI imports the three Volve campaigns: hours, NPT by category and final depth as worked out by hand", async () => {
  const folder = realData("volve_ddr_campaigns");
  const first = await cli([folder]);
  assert.equal(first.code, 0, first.err);
  assert.match(first.out, /236 rows read: 新增 inserted 236/);
  assert.match(first.out, /3020 activity lines: 新增 inserted 3020/);
  for (const c of CAMPAIGNS) {
    assert.equal(
      await n("SELECT count(*) AS n FROM drilling_daily WHERE well_id = ? AND deleted_at IS NULL", [
        c.well,
      ]),
      c.days,
      c.well,
    );
    assert.equal(
      await n(
        "SELECT count(*) AS n FROM drilling_activities WHERE well_id = ? AND deleted_at IS NULL",
        [c.well],
      ),
      c.lines,
      c.well,
    );
    assert.equal(
      await n(
        "SELECT sum(hours) AS n FROM drilling_activities WHERE well_id = ? AND deleted_at IS NULL",
        [c.well],
      ),
      c.hours,
      c.well,
    );
    // The campaign's deepest depth is the regulator's total depth of the wellbore.
    const depth = await n(
      "SELECT max(depth_m) AS n FROM drilling_daily WHERE well_id = ? AND deleted_at IS NULL",
      [c.well],
    );
    assert.equal(depth, await sodirTotalDepth(c.well), c.well);
    const rows = await fetchAnalysisRows(t.db, { well_id: c.well }, [
      "npt_h",
      "npt_category",
      "main_work",
    ]);
    const r = nptBreakdown(rows);
    assert.deepEqual(r.sources, { activities: c.days, recorded: 0, text: 0 }, c.well);
    assert.deepEqual(
      Object.fromEntries(r.categories.map((x) => [x.category, x.npt_h])),
      c.npt,
      c.well,
    );
  }
  const before = await tableCounts();
  const again = await cli([join(folder, CAMPAIGNS[1].file)]);
  assert.match(again.out, /69 rows read: 新增 inserted 0, 更新 updated 0, 未变 unchanged 69/);
  assert.deepEqual(await tableCounts(), before, "re-importing changes nothing");
});

test("a corrected day replaces its activity lines: a line no longer in the file is soft-deleted and kept in history", async () => {
  const dir = join(t.dir, "fix");
  await mkdir(dir, { recursive: true });
  const text = await readFile(realData("volve_ddr_campaigns", CAMPAIGNS[1].file), "utf8");
  const lines = text.split("\n").filter((l) => l.includes('"report_date": "2008-02-14"'));
  assert.ok(lines.length > 2);
  await writeFile(join(dir, "f4-day.jsonl"), lines.slice(0, -1).join("\n"));
  const fixed = await cli([join(dir, "f4-day.jsonl")]);
  assert.match(fixed.out, /移除（文件中已无）removed \(no longer in the file\) 1/);
  assert.equal(
    await n(
      "SELECT count(*) AS n FROM record_history WHERE table_name = 'drilling_activities' AND action = 'delete'",
    ),
    1,
  );
});

test("hostile or broken files are refused naming the file and the element; nothing of the batch is written", async () => {
  const dir = join(t.dir, "hostile");
  await mkdir(dir, { recursive: true });
  const real = await readFile(realData("volve_ddr_xml", "15_9_F_1_2007_12_03.xml"));
  const cases: [string, Uint8Array | string, RegExp][] = [
    ["truncated.xml", real.subarray(0, 9000), /"truncated\.xml" 的 <witsml:\w+>.*not closed/],
    [
      "foreign.xml",
      `<?xml version="1.0"?><rss version="2.0"><channel/></rss>`,
      /"foreign\.xml", <rss> \(line 1\): the root element is not a WITSML drillReports/,
    ],
    [
      "bomb.xml",
      `<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><r>&b;</r>`,
      /"bomb\.xml", \(document\).*DOCTYPE/,
    ],
    ["huge.xml", `<r>${"<x>1</x>".repeat(1_100_000)}</r>`, /huge\.xml" is too large: \d+ bytes/],
    [
      "broken.jsonl",
      '{"wellbore": "15/9-F-4", "report_date": "2008-02-13"',
      /"broken\.jsonl" 的 \(line\)（第 1 行）.*not JSON/,
    ],
  ];
  const before = await tableCounts();
  const table = await cli([realData("volve_ddr_xml"), "--table", "wells"]);
  assert.equal(table.code, 1);
  assert.match(table.err, /report files take no --table "wells"/);
  for (const [name, body, re] of cases) {
    const good = join(dir, `a-good-${name}.xml`);
    await writeFile(good, real);
    const bad = join(dir, name);
    await writeFile(bad, body);
    const r = await cli([good, bad]);
    assert.equal(r.code, 1, name);
    assert.match(r.err, /import failed, the database is unchanged/, name);
    assert.match(r.err, re, name);
    assert.deepEqual(
      await tableCounts(),
      before,
      `${name}: nothing written, not even the good file of the batch`,
    );
  }
});
