import { test } from "node:test";
import assert from "node:assert/strict";
import { createSerialQueue, mayWrite } from "../../lib/db/busy.ts";
import { dbFaultOf } from "../../lib/db/faults.ts";

test("the serial queue runs work one at a time in order; a failure does not block the next", async () => {
  const run = createSerialQueue();
  const seen: string[] = [];
  const step = (name: string, ms: number, fail = false) =>
    run(async () => {
      seen.push(`start ${name}`);
      await new Promise((r) => setTimeout(r, ms));
      seen.push(`end ${name}`);
      if (fail) throw new Error(name);
      return name;
    }, 10_000);
  const results = await Promise.allSettled([step("a", 20), step("b", 1, true), step("c", 1)]);
  assert.deepEqual(seen, ["start a", "end a", "start b", "end b", "start c", "end c"]);
  assert.deepEqual(results.map((r) => r.status), ["fulfilled", "rejected", "fulfilled"]);
});

test("work that waits longer than its bound fails as locked and never runs late", async () => {
  const run = createSerialQueue();
  let release = () => {};
  const holder = run(() => new Promise<void>((r) => (release = r)), 10_000);
  let ranLate = false;
  const waiter = run(async () => void (ranLate = true), 30);
  await assert.rejects(waiter, (e: Error) => dbFaultOf(e) === "locked");
  release();
  await holder;
  await run(async () => {}, 1000);
  assert.equal(ranLate, false);
});

test("reads are told apart from writes", () => {
  for (const sql of ["SELECT 1", "  select * from t", "EXPLAIN QUERY PLAN SELECT 1"]) {
    assert.equal(mayWrite(sql), false, sql);
  }
  for (
    const sql of [
      "INSERT INTO t VALUES (1)",
      "UPDATE t SET v = 1",
      "DELETE FROM t",
      "PRAGMA journal_mode = WAL",
      "WITH x AS (SELECT 1) DELETE FROM t",
    ]
  ) assert.equal(mayWrite(sql), true, sql);
});
