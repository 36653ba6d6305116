// The floor: a bare Hono + libSQL handler on the same runtime and database that
// answers the bench's query as plain JSON — no MCP, no validation, no permissions.
// Usage: DATABASE_PATH=… PORT=… node dist/bench-floor.mjs (bench/run.ts bundles it there first)
import { serve } from "@hono/node-server";
import { createClient } from "@libsql/client";
import { Hono } from "hono";
import { DAILY_SELECT } from "../lib/data/daily-rows.ts";

/** The statement `query_drilling_data {"limit":5}` runs (five rows plus the look-ahead one). */
const FLOOR_SQL =
  `SELECT ${DAILY_SELECT} FROM drilling_daily d WHERE d.deleted_at IS NULL ORDER BY d.report_date DESC, d.id DESC LIMIT ? OFFSET ?`;

const path = process.env.DATABASE_PATH;
if (!path) {
  throw new Error(
    "DATABASE_PATH is not set: give the floor the bench database file, e.g. DATABASE_PATH=/tmp/x.db",
  );
}
const client = createClient({ url: `file:${path}`, intMode: "number" });
const app = new Hono();
app.get("/health", (c) => c.json({ status: "healthy" }));
app.all("/query", async (c) => {
  const rs = await client.execute({ sql: FLOOR_SQL, args: [6, 0] });
  const records = rs.rows.slice(0, 5).map((row) =>
    Object.fromEntries(rs.columns.map((name, i) => [name, row[i]]))
  );
  return c.json({ records });
});
serve({ fetch: app.fetch, hostname: "127.0.0.1", port: Number(process.env.PORT ?? 0) });
