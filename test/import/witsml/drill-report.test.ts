import { test } from "node:test";
import assert from "node:assert/strict";
import { readDrillReports } from "../../../lib/import/witsml/drill-report.ts";
import { readStamp } from "../../../lib/import/witsml/report-day.ts";
import { volveXmlText } from "../../helpers/realdata.ts";

const fig = (day: ReturnType<typeof readDrillReports>[number], field: string) =>
  day.figures.find((f) => f.field === field)!;

test("15_9_F_1_2007_12_03.xml: the day's figures as the report gives them, worked out by hand", async () => {
  const [day] = readDrillReports(
    await volveXmlText("15_9_F_1_2007_12_03.xml"),
    "15_9_F_1_2007_12_03.xml",
  );
  // Period 2007-12-02T00:00+01:00 → 2007-12-03T00:00+01:00: named by the day it ends, like the file.
  assert.equal(day.report_date, "2007-12-03");
  assert.deepEqual([day.newWellId, day.wellName, day.wellNames], ["15/9-F-1", "NO 15/9-F-1", [
    "15/9-F-1",
    "NO 15/9-F-1",
  ]]);
  // statusInfo: md 226 m, distDrill 0 m (the day ran the conductor; the hole was drilled the day before).
  assert.deepEqual([day.daily.depth_m, day.daily.footage_m], [226, 0]);
  assert.equal(fig(day, "footage_m").how, "statusInfo/distDrill (m)");
  // The bit that made 226 m: 17½" (444.5 mm) bit, run 144 → 226 m = 82 m in 9.9 h: 82 / 9.9 = 8.28 ≈ the report's ropAv 8.3 m/h.
  assert.equal(day.daily.bit_diameter_mm, 17.5 * 25.4);
  assert.equal(day.daily.rop_m_h, 8.3);
  assert.equal(Math.round((226 - 144) / 9.9 * 10) / 10, day.daily.rop_m_h);
  assert.match(String(fig(day, "rop_m_h").how), /bitRun\/ropAv \(m\/h\).*144–226 m, 9\.9 h/);
  assert.equal(day.daily.bit_type, "Smith International XR-ODVC IADC 115");
  assert.equal(day.daily.mud_density_g_cm3, 1.05);
  assert.equal(day.daily.mud_viscosity_s, 121);
  assert.equal(day.daily.spud_date, "2007-11-28");
  assert.match(
    String(day.daily.main_work),
    /^Rigged up conductor handing equipment\. Ran 30" conductor/,
  );
  // 24 activity lines covering the whole day, offsets kept.
  assert.equal(day.activities.length, 24);
  assert.equal(day.activities.reduce((s, a) => s + Number(a.hours), 0), 24);
  assert.deepEqual(
    [
      day.activities[0].start_time,
      day.activities[0].end_time,
      day.activities[0].utc_offset,
      day.activities[0].hours,
      day.activities[0].depth_m,
    ],
    ["2007-12-02T00:00", "2007-12-02T00:15", "+01:00", 0.25, 226],
  );
  assert.equal(day.activities[0].activity_code, "drilling -- circulating conditioning");
  assert.equal(
    day.activities[23].comment!.toString().startsWith("Attempted to pressure up on hotstab"),
    true,
  );
});

test("15_9_F_1_2007_12_02.xml drilled 82 m: distDrill = md 226 − mdDiaHoleStart 144; no bit record, so no ROP", async () => {
  const [day] = readDrillReports(await volveXmlText("15_9_F_1_2007_12_02.xml"), "f.xml");
  assert.equal(day.daily.footage_m, 226 - 144);
  assert.equal(day.daily.rop_m_h, undefined);
  assert.equal(fig(day, "rop_m_h"), undefined);
  // The rig started at 04:30: 19.5 h of activity lines, Latin-1 text decoded.
  assert.equal(day.activities.reduce((s, a) => s + Number(a.hours), 0), 19.5);
});

test("units are converted from the uom WITSML gives; -999.99 is a missing figure", async () => {
  const text = (await volveXmlText("15_9_F_1_2007_12_03.xml"))
    .replace(
      '<witsml:md uom="m">226</witsml:md><witsml:tvd',
      '<witsml:md uom="ft">741.47</witsml:md><witsml:tvd',
    )
    .replace(
      '<witsml:distDrill uom="m">0</witsml:distDrill>',
      '<witsml:distDrill uom="ft">100</witsml:distDrill>',
    )
    .replace(
      '<witsml:density uom="g/cm3">1.05</witsml:density>',
      '<witsml:density uom="ppg">10</witsml:density>',
    )
    .replace(
      '<witsml:ropAv uom="m/h">8.3</witsml:ropAv>',
      '<witsml:ropAv uom="ft/h">30</witsml:ropAv>',
    )
    .replace(
      '<witsml:diaBit uom="in">17.5</witsml:diaBit>',
      '<witsml:diaBit uom="mm">444.5</witsml:diaBit>',
    );
  const [day] = readDrillReports(text, "ft.xml");
  assert.equal(day.daily.depth_m, Math.round(741.47 * 0.3048 * 1e6) / 1e6);
  assert.equal(day.daily.footage_m, 30.48);
  assert.equal(day.daily.mud_density_g_cm3, 1.198264);
  assert.equal(day.daily.rop_m_h, 9.144);
  assert.equal(day.daily.bit_diameter_mm, 444.5);
  const [f14] = readDrillReports(await volveXmlText("15_9_F_14_2009_03_07.xml"), "f14.xml");
  assert.equal(f14.daily.footage_m, undefined, "distDrill -999.99 is not a figure");
  assert.match(f14.figures.find((f) => f.field === "footage_m")!.how, /not in the report/);
  assert.equal(f14.daily.depth_m, 3750);
});

test("a foreign, malformed or truncated file is refused naming the file and the element", async () => {
  const real = await volveXmlText("15_9_F_1_2007_12_03.xml");
  const refused = (text: string, re: RegExp) =>
    assert.throws(() => readDrillReports(text, "bad.xml"), re);
  refused(real.slice(0, 9000), /文件 "bad\.xml" 的 <witsml:\w+>.*not closed \(truncated file\?\)/);
  refused(
    `<?xml version="1.0"?><html><body/></html>`,
    /file "bad\.xml", <html> \(line 1\): the root element is not a WITSML drillReports/,
  );
  refused(real.replace('version="1.4.0.0"', 'version="2.0"'), /unsupported WITSML version "2\.0"/);
  refused(
    real.replace(
      '<witsml:md uom="m">226</witsml:md><witsml:tvd',
      '<witsml:md uom="furlong">226</witsml:md><witsml:tvd',
    ),
    /<witsml:md> \(line \d+\): unknown unit uom="furlong"/,
  );
  refused(
    real.replace(
      '<witsml:md uom="m">226</witsml:md><witsml:tvd',
      '<witsml:md uom="m">2x6</witsml:md><witsml:tvd',
    ),
    /<witsml:md>.*not a number "2x6"/,
  );
  refused(
    real.replace("2007-12-02T00:15:00+01:00</witsml:dTimEnd>", "yesterday</witsml:dTimEnd>"),
    /<witsml:dTimEnd>.*not a date-time "yesterday"/,
  );
  refused(
    real.replace(/<witsml:drillReport>[\s\S]*<\/witsml:drillReport>/, ""),
    /holds no <drillReport> element/,
  );
});

test("WITSML date-times keep their wall clock and offset", () => {
  assert.deepEqual(readStamp("2007-12-02T00:15:00+01:00"), {
    local: "2007-12-02T00:15",
    date: "2007-12-02",
    offset: "+01:00",
    ms: Date.parse("2007-12-01T23:15:00Z"),
  });
  assert.equal(readStamp("2007-02-30T00:00:00Z"), null);
  assert.equal(readStamp("2007-12-02"), null);
});
