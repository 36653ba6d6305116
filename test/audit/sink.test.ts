import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { createAuditSink } from "../../lib/audit/sink.ts";
import type { Executor } from "../../lib/db.ts";
import { createLogger } from "../../lib/log.ts";
import { startTestServer } from "../helpers/server.ts";
import type { TestServer } from "../helpers/server.ts";

let server: TestServer;
before(async () => (server = await startTestServer({ SEED_DEMO_DATA: "0" })));
after(() => server.close());

const entry = (i: number) => ({
  transport: "rest", user: { id: `u${i}`, email: `u${i}@example.com`, role: { raw: "USER", role: "USER" } },
  tool: "list_wells", args: { i }, outcome: "ok", durationMs: i,
});

test("concurrent entries share statements, and each write resolves only once its row is stored", async () => {
  const statements: string[] = [];
  const counting: Executor = {
    execute: (sql, args) => (statements.push(sql), server.db.execute(sql, args)),
  };
  const sink = createAuditSink(counting, createLogger({ write: () => {} }), 50);
  const before = Number((await server.db.execute("SELECT count(*) AS n FROM audit_log")).rows[0].n);
  await Promise.all(Array.from({ length: 120 }, (_, i) =>
    sink.write(entry(i)).then(async () => {
      const row = await server.db.execute("SELECT count(*) AS n FROM audit_log WHERE user_id = ?", [`u${i}`]);
      assert.equal(row.rows[0].n, 1, `row of u${i} stored when its write resolved`);
    })));
  const after = Number((await server.db.execute("SELECT count(*) AS n FROM audit_log")).rows[0].n);
  assert.equal(after - before, 120);
  assert.ok(statements.length < 120, `${statements.length} statements for 120 entries`);
  assert.ok(statements.length >= 3, "at most 50 rows per statement");
});

test("a failed write is logged for every entry and never throws", async () => {
  const lines: Record<string, unknown>[] = [];
  const log = createLogger({ write: (l) => lines.push(JSON.parse(l)) });
  const broken: Executor = { execute: () => Promise.reject(new Error("disk gone")) };
  const sink = createAuditSink(broken, log);
  await Promise.all([sink.write(entry(1)), sink.write(entry(2))]);
  assert.deepEqual(lines.filter((l) => l.msg === "audit write failed").map((l) => l.user_id), ["u1", "u2"]);
});
