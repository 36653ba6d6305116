import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { openDatabase } from "../../lib/db/db.ts";
import type { Db } from "../../lib/db/db.ts";
import { fromWireError, toWireError } from "../../lib/db/wire.ts";
import { guardDatabase } from "../../lib/db/guard.ts";
import { ANALYSIS_JOBS } from "../../lib/data/analysis-jobs.ts";
import { runJob } from "../../lib/data/run-job.ts";
import { ToolError } from "../../lib/call/tool-error.ts";
import { insertFixture } from "../helpers/fixture.ts";
import { openTempDb } from "../helpers/temp-db.ts";
import type { TempDb } from "../helpers/temp-db.ts";

let temp: TempDb;
let inThread: Db;

before(async () => {
  temp = await openTempDb();
  const day = (
    well_id: string,
    report_date: string,
    depth_m: number,
    extra: Record<string, string | number | null> = {},
  ) => ({
    well_id,
    report_date,
    depth_m,
    footage_m: 100,
    rop_m_h: 5,
    drilling_hours_h: 20,
    formation: "沙湾组",
    bit_type: "PDC",
    ...extra,
  });
  await insertFixture(temp.db, [
    { well_id: "甲1", spud_date: "2026-01-01" },
    { well_id: "乙2", spud_date: "2026-01-02" },
  ], [
    day("甲1", "2026-01-03", 300),
    day("甲1", "2026-01-04", 450, { rop_m_h: 9, footage_m: 150, formation: "安集海河组" }),
    day("乙2", "2026-01-03", 200, {
      rop_m_h: 3,
      wob_kn: 80,
      bit_diameter_mm: 215.9,
      rpm: 90,
      torque_kn_m: 12,
    }),
    day("乙2", "2026-01-05", 260, { rop_m_h: null, footage_m: 60, bit_type: "牙轮" }),
  ]);
  // The same file with the driver on this thread: what the jobs give when no thread runs them.
  const path = temp.url.slice("file:".length);
  inThread = await openDatabase({ url: temp.url, kind: "file", path }, { readers: 0 });
});

after(async () => {
  inThread.close();
  await temp.close();
});

test("a job run in a reader thread answers exactly what it answers on this thread", async () => {
  assert.equal(
    typeof temp.db.runJob,
    "function",
    "a local file's database runs jobs in its threads",
  );
  assert.equal(inThread.runJob, undefined);
  for (const by of ["formation", "bit_type", "well_id"] as const) {
    const input = { filter: {}, by, sort: "slowest" as const };
    const threaded = await runJob(temp.db, "rop", input);
    assert.deepEqual(threaded, await runJob(inThread, "rop", input));
    assert.equal(threaded.rows, 4);
  }
  const input = { filter: { well_ids: ["甲1", "乙2"] } };
  const threaded = await runJob(temp.db, "compare", input);
  assert.deepEqual(threaded, await ANALYSIS_JOBS.compare(inThread, input));
  assert.deepEqual([...threaded.wells].sort(), ["乙2", "甲1"]);
  assert.equal(threaded.result.wells.length, 2);
  const npt = await runJob(temp.db, "npt", input);
  assert.deepEqual(npt, await runJob(inThread, "npt", input));
  assert.equal(npt.rowCount, 4);
});

test("the guarded database the server uses runs jobs in its threads too", async () => {
  const guarded = guardDatabase(temp.db);
  assert.equal(
    typeof guarded.runJob,
    "function",
    "without it every analysis would run on the serving thread",
  );
  const input = { filter: {}, by: "well_id" as const, sort: "name" as const };
  assert.deepEqual(await runJob(guarded, "rop", input), await runJob(inThread, "rop", input));
});

test("an unknown job is refused by the thread", async () => {
  await assert.rejects(() => temp.db.runJob!("drop_everything", {}), /unknown job drop_everything/);
});

test("a ToolError crossing the thread stays a ToolError of the same kind", () => {
  const back = fromWireError(
    toWireError(new ToolError("invalid", "筛选条件选中超过 5 行 / too many rows")),
  );
  assert.ok(back instanceof ToolError);
  assert.equal(back.kind, "invalid");
  assert.equal(back.message, "筛选条件选中超过 5 行 / too many rows");
  assert.ok(
    !(fromWireError(
      toWireError(Object.assign(new Error("busy"), { code: "SQLITE_BUSY" })),
    ) instanceof ToolError),
  );
});

test("jobs sent at once wait their turn (one reader stays free for small reads) and each gets its own answer", async () => {
  const path = temp.url.slice("file:".length);
  const db = await openDatabase({ url: temp.url, kind: "file", path }, { readers: 2 });
  try {
    const bys = ["formation", "bit_type", "well_id", "formation", "well_id"] as const;
    const jobs = bys.map((by) => runJob(db, "rop", { filter: {}, by, sort: "name" }));
    // A small read sent after them is not queued behind them.
    const small = await db.execute("SELECT count(*) AS n FROM wells");
    assert.equal(small.rows[0].n, 2);
    const answers = await Promise.all(jobs);
    for (const [i, by] of bys.entries()) {
      assert.deepEqual(answers[i], await runJob(inThread, "rop", { filter: {}, by, sort: "name" }));
    }
    const queued = [
      runJob(db, "rop", { filter: {}, by: "formation", sort: "name" }),
      runJob(db, "rop", { filter: {}, by: "formation", sort: "name" }),
    ];
    db.close();
    for (const p of queued) await assert.rejects(p, /数据库已关闭 \/ the database is closed/);
  } finally {
    db.close();
  }
});
