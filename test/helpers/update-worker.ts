// A separate process for test/db/db.test.ts: opens the database file given as the first
// argument and runs the updates given as JSON (second argument) in parallel through
// the real tool pipeline; prints the outcomes as one JSON line.
import process from "node:process";
import { callTool } from "../../lib/call/call.ts";
import { openDatabase } from "../../lib/db/db.ts";
import { createLogger } from "../../lib/observability/log.ts";
import { resolveRole } from "../../lib/permissions.ts";
import { createToolRegistry } from "../../lib/mcp/registry.ts";
import { TOOLS } from "../../lib/tools/index.ts";

const [path, json, who] = process.argv.slice(2);
const db = await openDatabase({ url: `file:${path}`, kind: "file", path }, {
  busyTimeoutMs: 20_000,
});
const deps = { db, tools: createToolRegistry(TOOLS), log: createLogger({ level: "error" }) };
const user = {
  id: who,
  email: `${who}@example.com`,
  name: "",
  role: resolveRole("ENGINEER", new Map()),
};
const updates = JSON.parse(json) as Record<string, unknown>[];
const outcomes = await Promise.all(
  updates.map((args) => callTool(deps, user, "update_drilling_record", args, "test")),
);
console.log(
  JSON.stringify(outcomes.map((o) => (o.outcome === "ok" ? "ok" : `${o.outcome}: ${o.message}`))),
);
db.close();
