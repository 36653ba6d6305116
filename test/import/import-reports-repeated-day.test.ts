import { test } from "node:test";
import assert from "node:assert/strict";
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { runImport } from "../helpers/import-cli.ts";
import { openTempDb } from "../helpers/temp-db.ts";
import type { TempDb } from "../helpers/temp-db.ts";
import { realData, volveXmlText } from "../helpers/realdata.ts";

// One Volve day (../shared/realdata/volve_ddr_xml, see its README) from two sources in one batch:
// the drillReport XML, and campaign lines made from the first 10 of its activity lines.
const XML = "15_9_F_1_2007_12_03.xml";

async function campaignOfXml(lines: number): Promise<string> {
  const xml = await volveXmlText(XML);
  const acts = [...xml.matchAll(/<witsml:activity>[\s\S]*?<\/witsml:activity>/g)].map((m) => m[0])
    .slice(0, lines);
  const el = (a: string, name: string) =>
    new RegExp(`<witsml:${name}[^>]*>([^<]*)<`).exec(a)?.[1] ?? null;
  return acts.map((a) =>
    JSON.stringify({
      wellbore: "15/9-F-1",
      report_date: "2007-12-02",
      period_start: "2007-12-02 00:00",
      period_end: "2007-12-03 00:00",
      start_time: el(a, "dTimStart")!.slice(11, 16),
      end_time: el(a, "dTimEnd")!.slice(11, 16),
      end_depth_md: el(a, "md"),
      activity_raw: el(a, "proprietaryCode"),
      state: el(a, "state"),
      remark: el(a, "comments"),
    })
  ).join("\n");
}

async function importInto(t: TempDb, files: string[]) {
  const report = join(t.dir, "report.json");
  const { code, out, err } = await runImport(t.url, [...files, "--report", report]);
  assert.equal(code, 0, err);
  return { out, json: JSON.parse(await readFile(report, "utf8")) };
}

async function dayOf(t: TempDb) {
  const day = (await t.db.execute(
    "SELECT depth_m, rop_m_h FROM drilling_daily WHERE well_id = '15/9-F-1' AND report_date = '2007-12-03' AND deleted_at IS NULL",
  )).rows;
  const acts = (await t.db.execute(
    "SELECT DISTINCT source FROM drilling_activities WHERE report_date = '2007-12-03' AND deleted_at IS NULL",
  )).rows;
  const n = Number(
    (await t.db.execute(
      "SELECT count(*) AS n FROM drilling_activities WHERE report_date = '2007-12-03' AND deleted_at IS NULL",
    )).rows[0].n,
  );
  return {
    rows: day.length,
    depth: day[0]?.depth_m,
    rop: day[0]?.rop_m_h,
    activities: n,
    sources: acts.map((r) => String(r.source)),
  };
}

test("the same well day from an XML and a campaign file of one batch: the later file wins and the summary names both", async () => {
  const t = await openTempDb();
  try {
    const jsonl = join(t.dir, "f1-day.jsonl");
    const text = await campaignOfXml(10);
    await writeFile(jsonl, text);
    const deepest = Math.max(...text.split("\n").map((l) => Number(JSON.parse(l).end_depth_md)));
    const xml = realData("volve_ddr_xml", XML);
    const { out, json } = await importInto(t, [xml, jsonl]);
    assert.match(out, /2 rows read: 新增 inserted 1/);
    assert.match(out, /拒绝 rejected 0/);
    assert.match(
      out,
      /the same well day in several files of the batch, the later file used: 15\/9-F-1 2007-12-03: .*15_9_F_1_2007_12_03\.xml → .*f1-day\.jsonl/,
    );
    assert.deepEqual(json.duplicate_keys, [{ key: ["15/9-F-1", "2007-12-03"], rows: [1, 2] }]);
    assert.deepEqual(json.report.reports.map((r: { action: string }) => r.action), [
      "superseded by f1-day.jsonl",
      "insert",
    ]);
    assert.deepEqual(json.rejected_rows, []);
    // The campaign lines' figures: 10 lines, depth = their deepest end depth, no bit-run ROP.
    assert.ok(deepest > 0, String(deepest));
    assert.deepEqual(await dayOf(t), {
      rows: 1,
      depth: deepest,
      rop: null,
      activities: 10,
      sources: ["f1-day.jsonl"],
    });
  } finally {
    await t.close();
  }
});

test("the other order: the XML file, later in the batch, wins with its 24 lines and bit-run ROP", async () => {
  const t = await openTempDb();
  try {
    const jsonl = join(t.dir, "f1-day.jsonl");
    await writeFile(jsonl, await campaignOfXml(10));
    const xml = realData("volve_ddr_xml", XML);
    const { out, json } = await importInto(t, [jsonl, xml]);
    assert.match(
      out,
      /the later file used: 15\/9-F-1 2007-12-03: .*f1-day\.jsonl → .*15_9_F_1_2007_12_03\.xml/,
    );
    assert.deepEqual(json.report.superseded, [{
      well_id: "15/9-F-1",
      report_date: "2007-12-03",
      files: ["f1-day.jsonl", XML],
    }]);
    assert.deepEqual(await dayOf(t), {
      rows: 1,
      depth: 226,
      rop: 8.3,
      activities: 24,
      sources: [XML],
    });
  } finally {
    await t.close();
  }
});
