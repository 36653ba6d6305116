import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { createAuditSink } from "../../lib/audit/sink.ts";
import type { Executor } from "../../lib/db/db.ts";
import { createLogger } from "../../lib/observability/log.ts";
import { startTestServer } from "../helpers/server.ts";
import type { TestServer } from "../helpers/server.ts";

let server: TestServer;
before(async () => (server = await startTestServer({ SEED_DEMO_DATA: "0" })));
after(() => server.close());

const entry = (i: number) => ({
  transport: "rest",
  user: { id: `u${i}`, email: `u${i}@example.com`, role: { raw: "USER", role: "USER" } },
  tool: "list_wells",
  args: { i },
  outcome: "ok",
  durationMs: i,
});

test("concurrent entries share statements, and each write resolves only once its row is stored", async () => {
  const statements: string[] = [];
  const counting: Executor = {
    execute: (sql, args) => (statements.push(sql), server.db.execute(sql, args)),
  };
  const sink = createAuditSink(counting, createLogger({ write: () => {} }), { maxBatch: 50 });
  const before = Number((await server.db.execute("SELECT count(*) AS n FROM audit_log")).rows[0].n);
  await Promise.all(Array.from({ length: 120 }, (_, i) =>
    sink.write(entry(i)).then(async () => {
      const row = await server.db.execute("SELECT count(*) AS n FROM audit_log WHERE user_id = ?", [
        `u${i}`,
      ]);
      assert.equal(row.rows[0].n, 1, `row of u${i} stored when its write resolved`);
    })));
  const after = Number((await server.db.execute("SELECT count(*) AS n FROM audit_log")).rows[0].n);
  assert.equal(after - before, 120);
  assert.ok(statements.length < 120, `${statements.length} statements for 120 entries`);
  assert.ok(statements.length >= 3, "at most 50 rows per statement");
});

test("entries written in one event-loop turn go in one statement", async () => {
  const statements: string[] = [];
  const counting: Executor = {
    execute: (sql, args) => (statements.push(sql), server.db.execute(sql, args)),
  };
  const sink = createAuditSink(counting, createLogger({ write: () => {} }));
  await Promise.all(Array.from({ length: 10 }, (_, i) => sink.write(entry(300 + i))));
  assert.equal(statements.length, 1, "the first entry waits for the others of its turn");
  const row = await server.db.execute(
    "SELECT count(*) AS n FROM audit_log WHERE user_id IN ('u300', 'u305', 'u309')",
  );
  assert.equal(row.rows[0].n, 3);
});

test("a failed write is tried again, then logged for every entry, and never throws", async () => {
  const lines: Record<string, unknown>[] = [];
  const log = createLogger({ write: (l) => lines.push(JSON.parse(l)) });
  let tries = 0;
  const broken: Executor = { execute: () => (tries++, Promise.reject(new Error("disk gone"))) };
  const sink = createAuditSink(broken, log, { attempts: 3, retryMs: 1 });
  await Promise.all([sink.write(entry(1)), sink.write(entry(2))]);
  await sink.drain();
  assert.ok(tries >= 3, `${tries} tries`);
  assert.ok(lines.some((l) => l.msg === "audit write failed, retrying"));
  assert.deepEqual(
    lines.filter((l) => l.msg === "audit write failed").map((l) => l.user_id).sort(),
    ["u1", "u2"],
  );
});

test("a write that fails once is stored on the next try", async () => {
  let failures = 1;
  const flaky: Executor = {
    execute: (
      sql,
      args,
    ) => (failures-- > 0
      ? Promise.reject(new Error("database is locked"))
      : server.db.execute(sql, args)),
  };
  const sink = createAuditSink(flaky, createLogger({ write: () => {} }), { retryMs: 1 });
  await sink.write(entry(501));
  const row = await server.db.execute("SELECT count(*) AS n FROM audit_log WHERE user_id = 'u501'");
  assert.equal(row.rows[0].n, 1);
});

test("with waitMs a write resolves with its row still queued, the queue is bounded, and drain stores every row", async () => {
  let open = () => {};
  const gate = new Promise<void>((resolve) => (open = resolve));
  const slow: Executor = {
    execute: async (sql, args) => (await gate, server.db.execute(sql, args)),
  };
  const sink = createAuditSink(slow, createLogger({ write: () => {} }), {
    waitMs: 5,
    maxQueued: 1,
  });
  await sink.write(entry(601)); // being written: resolved after waitMs
  await sink.write(entry(602)); // queued, within the bound: resolved after waitMs
  let thirdDone = false;
  const third = sink.write(entry(603)).then(() => (thirdDone = true)); // beyond the bound: waits for its row
  await new Promise((resolve) => setTimeout(resolve, 50));
  assert.equal(thirdDone, false, "a write beyond maxQueued waits for its own row");
  const stored = async () =>
    Number(
      (await server.db.execute(
        "SELECT count(*) AS n FROM audit_log WHERE user_id IN ('u601', 'u602', 'u603')",
      )).rows[0].n,
    );
  assert.equal(await stored(), 0);
  open();
  await third;
  await sink.drain();
  assert.equal(await stored(), 3, "no row lost");
});
