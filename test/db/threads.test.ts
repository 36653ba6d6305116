import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { execFile } from "node:child_process";
import process from "node:process";
import { Worker } from "node:worker_threads";
import { openDatabase } from "../../lib/db/db.ts";
import { openThreadedDatabase } from "../../lib/db/threads.ts";
import { dbFaultOf } from "../../lib/db/faults.ts";
import { identity, restCall, startTestServer } from "../helpers/server.ts";
import type { TestServer } from "../helpers/server.ts";
import { tempDbLocation } from "../helpers/temp-db.ts";
import { holdWriteLock } from "../helpers/write-lock.ts";
import { runTs } from "../helpers/spawn-server.ts";

let server: TestServer;
before(async () => {
  server = await startTestServer({ SEED_DEMO_DATA: "0" });
  // A field big enough that a field-wide analysis is long: 199,000 reports over 3,000 wells (the analysis row cap is 200,000),
  // each with its NPT (as refreshReportNpt stores it), written in SQL for speed.
  await server.db.transaction(async (tx) => {
    await tx.execute(
      `WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < 198999)
      INSERT INTO drilling_daily (well_id, report_date, depth_m, npt_h, npt_category, main_work)
      SELECT 'L' || (i % 3000), date('2020-01-01', '+' || (i / 3000) || ' days'), i % 4000, i % 5, 'downhole', '钻进' FROM n`,
    );
    await tx.execute(`INSERT INTO daily_npt (report_id, ord, category, hours, source)
      SELECT id, 0, CASE WHEN npt_h > 0 THEN 'downhole' END, npt_h, 'recorded' FROM drilling_daily`);
  });
});
after(() => server.close());

test("a long field-wide analysis by one user does not hold up small calls by another (real HTTP)", async () => {
  const engineer = identity("ENGINEER");
  const user = identity("USER");
  let longDone = false;
  const long = restCall(server.url, engineer, "analyze_npt", {}).then((
    r,
  ) => ((longDone = true), r));
  // Small lookups one after another while the long one is in flight. Were the server's thread
  // waiting on the analysis's SQL (three statements), only lookups slipping in between them could
  // finish first: one or two; with the SQL in worker threads they keep finishing throughout.
  const small: number[] = [];
  while (!longDone && small.length < 50) {
    const r = await restCall(server.url, user, "query_drilling_data", { well_id: "L7", limit: 5 });
    assert.equal(r.status, 200, JSON.stringify(r.body));
    if (!longDone) small.push(r.status);
  }
  const answer = await long;
  assert.equal(answer.status, 200, JSON.stringify(answer.body).slice(0, 300));
  assert.equal(answer.body.result.report_days, 199_000, "the long call did the whole analysis");
  assert.ok(small.length >= 1, "no small call completed while the long analysis was in flight");
});

test("a write waiting for a lock another program holds does not hold up a read by another user (real HTTP)", async () => {
  const path = join(server.dir, "oilfield.db");
  // The other program: its own connection, holding the write lock until this test lets go.
  const lock = await holdWriteLock(path);
  try {
    let writeDone = false;
    const write = restCall(server.url, identity("ENGINEER"), "update_drilling_record", {
      record_id: 1,
      depth_m: 5,
    }).then((r) => ((writeDone = true), r));
    // The write now waits (SQLite's busy wait, up to 5 s). Were that wait on the server's thread,
    // this read would be answered only after the write gave up.
    const read = await restCall(server.url, identity("USER"), "query_drilling_data", {
      well_id: "L7",
      limit: 5,
    });
    assert.equal(read.status, 200, JSON.stringify(read.body));
    assert.equal(
      writeDone,
      false,
      "the read was answered while the write still waited for the lock",
    );
    const health = await fetch(`${server.url}/health`);
    assert.equal(health.status, 200);
    assert.equal(writeDone, false);
    await lock.release();
    // Through once the lock is free, or (on a machine slow enough that 5 s passed) the clear "locked" error.
    const wrote = await write;
    if (wrote.status !== 200) {
      assert.match(String(wrote.body.message), /被其他程序锁定.*locked by another program/);
    }
  } finally {
    await lock.release();
  }
});

test("a database file's statements run in worker threads: errors keep their SQLite code, transactions roll back", async () => {
  const tmp = await tempDbLocation();
  const db = await openDatabase(tmp.location, { readers: 2 });
  try {
    await db.execute("CREATE TABLE t (a INTEGER PRIMARY KEY, b TEXT)");
    await db.execute("INSERT INTO t VALUES (1, 'x')");
    const clash = await db.execute("INSERT INTO t VALUES (1, 'y')").then(
      () => null,
      (e: Error & { code?: string }) => e,
    );
    assert.match(String(clash?.code), /^SQLITE_CONSTRAINT/);
    const locked = await db.transaction(async (tx) => {
      await tx.execute("INSERT INTO t VALUES (2, 'z')");
      throw Object.assign(new Error("database is locked"), { code: "SQLITE_BUSY" });
    }).then(() => null, (e: unknown) => e);
    assert.equal(dbFaultOf(locked), "locked", "the caller gets its own error back");
    const kept = await db.transaction(async (
      tx,
    ) => (await tx.execute("INSERT INTO t VALUES (3, 'w')"),
      (await tx.execute("SELECT count(*) AS n FROM t")).rows[0].n)
    );
    assert.equal(kept, 2, "inside the transaction its own write is seen");
    // Reads from several reader threads at once, all seeing the committed rows only.
    const counts = await Promise.all(
      Array.from({ length: 8 }, () => db.execute("SELECT group_concat(a) AS ids FROM t")),
    );
    for (const c of counts) assert.equal(c.rows[0].ids, "1,3");
  } finally {
    db.close();
    await tmp.remove();
  }
  await assert.rejects(db.execute("SELECT 1"), /closed/);
});

async function withFile(
  fn: (location: { url: string; kind: "file"; path: string }) => Promise<void>,
): Promise<void> {
  const tmp = await tempDbLocation();
  try {
    await fn(tmp.location);
  } finally {
    await tmp.remove();
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

test("only the writer starts with the database; the readers start when reads meet a busy writer, stop when idle, and start again", () =>
  withFile(async (location) => {
    const events: string[] = [];
    const db = await openThreadedDatabase(location, {
      readers: 2,
      readerIdleMs: 300,
      onThread: (role, change) => events.push(`${role} ${change}`),
    });
    try {
      assert.deepEqual(events, ["writer start"], "no reader at start-up");
      await db.execute("CREATE TABLE t (a INTEGER)");
      await db.execute("INSERT INTO t VALUES (1), (2)");
      assert.equal(
        (await db.execute("SELECT count(*) AS n FROM t")).rows[0].n,
        2,
        "a lone read is answered by the idle writer",
      );
      assert.deepEqual(events, ["writer start"], "a lone read starts no reader");
      // Reads at once: the writer takes one, the others make the readers start and are answered by them.
      const counts = await Promise.all(
        Array.from({ length: 6 }, () => db.execute("SELECT count(*) AS n FROM t")),
      );
      for (const c of counts) assert.equal(c.rows[0].n, 2);
      assert.deepEqual(events, ["writer start", "reader start", "reader start"]);
      const stopped = Date.now();
      while (!events.includes("reader stop") && Date.now() - stopped < 10_000) await sleep(50);
      assert.deepEqual(
        events.slice(3),
        ["reader stop", "reader stop"],
        "both idle readers stopped",
      );
      // After that, reads still answer (the writer first, the readers started again when needed).
      const again = await Promise.all(
        Array.from({ length: 6 }, () => db.execute("SELECT count(*) AS n FROM t")),
      );
      for (const c of again) assert.equal(c.rows[0].n, 2);
      assert.deepEqual(
        events.slice(5),
        ["reader start", "reader start"],
        "started again for reads at once",
      );
      assert.deepEqual(
        await db.runJob?.("no-such-job", {}).then(() => "answered", (e: Error) => e.message),
        "unknown job no-such-job",
        "a job runs on a reader",
      );
    } finally {
      db.close();
    }
  }));

test("a database thread that fails to start is a clear error, not a hang", () =>
  withFile(async (location) => {
    const broken = () => new Worker("throw new Error('no driver here')", { eval: true });
    await assert.rejects(openThreadedDatabase(location, { startWorker: broken }), (e: Error) => {
      assert.match(e.message, /数据库线程出错 \/ the database thread failed: no driver here/);
      return true;
    });
    // The writer starts; the readers, started for a job, fail: the job gets the error, later ones too.
    let started = 0;
    const db = await openThreadedDatabase(location, {
      readers: 2,
      startWorker: (
        data,
      ) => (started++ === 0
        ? new Worker(new URL("../../lib/db/worker-main.ts", import.meta.url), { workerData: data })
        : broken()),
    });
    try {
      await assert.rejects(
        db.runJob?.("npt", {}) ?? Promise.reject(new Error("no runJob")),
        /the database thread failed: no driver here/,
      );
      await assert.rejects(
        db.runJob?.("npt", {}) ?? Promise.reject(new Error("no runJob")),
        /the database thread failed: no driver here/,
      );
      assert.equal(
        (await db.execute("SELECT 1 AS one")).rows[0].one,
        1,
        "the writer still answers",
      );
    } finally {
      db.close();
    }
  }));

/**
 * Runs a test/helpers program on a database file in a fresh directory, in its own process (a
 * thread terminated inside the driver aborts the whole process), and asserts it neither panicked
 * nor failed; its standard output is returned.
 */
async function runOnOwnDb(program: string): Promise<string> {
  const tmp = await tempDbLocation();
  try {
    const { command, args } = runTs(program);
    const { code, stdout, stderr } = await new Promise<
      { code: number | null; stdout: string; stderr: string }
    >((resolve) => {
      execFile(
        command,
        [...args, tmp.location.path],
        { env: { ...process.env, NO_COLOR: "1" } },
        (error, stdout, stderr) =>
          resolve({ code: error ? (error as { code?: number }).code ?? null : 0, stdout, stderr }),
      );
    });
    assert.doesNotMatch(stderr, /panicked/, stderr);
    assert.equal(code, 0, `exit ${code}\n${stderr}`);
    return stdout;
  } finally {
    await tmp.remove();
  }
}

test("closing the database while a statement runs in its thread waits for the statement instead of aborting the process", async () => {
  const stdout = await runOnOwnDb("test/helpers/close-mid-statement.ts");
  // Its caller was told at once that the database closed; the thread finished the statement first.
  assert.match(stdout, /"outcome":"refused: 数据库已关闭/);
});

test("closing the database while reader threads still open the file waits for them instead of aborting the process", async () => {
  const { outcomes } = JSON.parse(await runOnOwnDb("test/helpers/close-while-opening.ts")) as {
    outcomes: string[];
  };
  assert.equal(outcomes.length, 48, "every read of every round was answered or refused");
  for (const outcome of outcomes) assert.match(outcome, /^(answered|refused: 数据库已关闭)/);
});
