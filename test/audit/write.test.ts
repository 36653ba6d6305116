import { test } from "node:test";
import assert from "node:assert/strict";
import { writeAudit } from "../../lib/audit/write.ts";
import { callTool } from "../../lib/call/call.ts";
import { openTempDb } from "../helpers/temp-db.ts";
import { resolveRole } from "../../lib/permissions.ts";
import { createLogger } from "../../lib/observability/log.ts";
import { createToolRegistry } from "../../lib/mcp/registry.ts";
import { TOOLS } from "../../lib/tools/index.ts";

const user = { id: "u1", email: "a@example.com", name: "A", role: resolveRole("ADMIN", new Map()) };

test("a failing audit write is logged with the entry and never thrown", async () => {
  const lines: Record<string, unknown>[] = [];
  const log = createLogger({ level: "debug", write: (l) => lines.push(JSON.parse(l)) });
  const db = {
    execute: () =>
      Promise.reject(new Error("SQLITE_READONLY: attempt to write a readonly database")),
  };
  await writeAudit(db, log, {
    transport: "rest",
    user,
    tool: "list_wells",
    args: {},
    outcome: "ok",
    durationMs: 1,
  });
  assert.equal(lines.length, 1);
  assert.equal(lines[0].msg, "audit write failed");
  assert.equal(lines[0].email, "a@example.com");
  assert.match(String(lines[0].error), /readonly/);
});

test("a call whose audit row cannot be written still returns its answer", async () => {
  const lines: Record<string, unknown>[] = [];
  const log = createLogger({ level: "debug", write: (l) => lines.push(JSON.parse(l)) });
  // A real database whose audit table is gone: every audit INSERT fails, the tool's own query does not.
  const temp = await openTempDb();
  try {
    await temp.db.execute("DROP TABLE audit_log");
    const outcome = await callTool(
      { db: temp.db, log, tools: createToolRegistry(TOOLS) },
      user,
      "list_wells",
      {},
      "rest",
    );
    assert.equal(outcome.outcome, "ok");
    assert.ok(
      lines.some((l) =>
        l.msg === "audit write failed" && l.tool === "list_wells" &&
        /no such table: audit_log/.test(String(l.error))
      ),
      JSON.stringify(lines),
    );
  } finally {
    await temp.close();
  }
});
