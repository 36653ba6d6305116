import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import type { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { ROLES } from "../../lib/config/config.ts";
import { canCall } from "../../lib/permissions.ts";
import { noAccessMessage } from "../../lib/scope/data-scope.ts";
import { TOOLS } from "../../lib/tools/index.ts";
import { connectStreamable, textOf } from "../helpers/mcp-client.ts";
import { identity, restCall, startTestServer } from "../helpers/server.ts";
import type { TestServer } from "../helpers/server.ts";

// Every registered tool, present and future, is walked here as each scoped role that may call it,
// granted the block 石南 only. A tool that shows a well outside that block, or cannot be called
// with the arguments built below, fails this file: give it an entry in OVERRIDES, never a skip.
const VISIBLE_BLOCK = "石南";
const FORBIDDEN = "W005"; // block 莫北
const SCOPED = ROLES.filter((r) => r !== "ADMIN");

type Schema = {
  type?: string | string[];
  enum?: unknown[];
  minimum?: number;
  items?: Schema;
  properties?: Record<string, Schema>;
  required?: string[];
  default?: unknown;
  anyOf?: Schema[];
};
type Args = Record<string, unknown>;

/**
 * Arguments a generic schema walk cannot guess: a tool's required non-well fields, or wells named
 * inside nested records. Called with the out-of-scope well, or null for the call naming none.
 */
const OVERRIDES: Record<string, (well: string | null) => Args> = {
  add_drilling_record: () => ({ report_date: "2026-11-20", depth_m: 100 }),
  update_drilling_record: () => ({ depth_m: 1 }),
  save_well: (w) => ({ records: [{ well_id: w ?? "W001", block: VISIBLE_BLOCK }] }),
  save_drilling_daily: (w) => ({
    records: [
      { well_id: "W001", report_date: "2026-11-19", depth_m: 10 },
      ...(w ? [{ well_id: w, report_date: "2026-11-19", depth_m: 10 }] : []),
    ],
  }),
  save_key_well_daily: (w) => ({ records: [{ well_id: w ?? "W001", report_date: "2026-11-19" }] }),
  get_period_report: (w) => (w ? { period: "今年" } : { block: VISIBLE_BLOCK, period: "今年" }),
};

let server: TestServer;
let visible: string[];
let hidden: string[];
let otherBlocks: string[];
let forbiddenName: string;
let forbiddenRecord: number;

before(async () => {
  server = await startTestServer({ SCOPED_ROLES: SCOPED.join(",") });
  for (const role of SCOPED) {
    const r = await restCall(server.url, identity("ADMIN"), "grant_access", {
      user_id: `id-${role.toLowerCase()}`,
      blocks: [VISIBLE_BLOCK],
    });
    assert.equal(r.status, 200, JSON.stringify(r.body));
  }
  const all = async (sql: string) =>
    (await server.db.execute(sql)).rows.map((r) => String(Object.values(r)[0]));
  visible = [
    ...await all(`SELECT well_id FROM wells WHERE block = '${VISIBLE_BLOCK}'`),
    ...await all(`SELECT name FROM wells WHERE block = '${VISIBLE_BLOCK}' AND name IS NOT NULL`),
  ];
  hidden = (await all(
    "SELECT well_id FROM wells UNION SELECT well_id FROM drilling_daily UNION SELECT well_id FROM key_well_daily UNION SELECT well_id FROM pre_drilling",
  ))
    .filter((w) => !visible.includes(w));
  assert.ok(hidden.includes(FORBIDDEN) && hidden.length > 100);
  otherBlocks = await all(`SELECT DISTINCT block FROM wells WHERE block <> '${VISIBLE_BLOCK}'`);
  forbiddenName = (await all(`SELECT name FROM wells WHERE well_id = '${FORBIDDEN}'`))[0];
  forbiddenRecord = Number(
    (await server.db.execute("SELECT max(id) AS id FROM drilling_daily WHERE well_id = ?", [
      FORBIDDEN,
    ])).rows[0].id,
  );
});
after(() => server.close());

function sample(s: Schema): unknown {
  if (s.default !== undefined) return s.default;
  if (s.enum) return s.enum[0];
  if (s.anyOf) return sample(s.anyOf[0]);
  const type = Array.isArray(s.type) ? s.type[0] : s.type;
  if (type === "string") return "2026-11-20";
  if (type === "number" || type === "integer") return Math.max(s.minimum ?? 1, 1);
  if (type === "boolean") return false;
  if (type === "array") return [sample(s.items ?? {})];
  if (type === "object") {
    return Object.fromEntries((s.required ?? []).map((k) => [k, sample(s.properties?.[k] ?? {})]));
  }
  return null;
}

/** The tool's arguments: its required fields, plus the out-of-scope well in every well-naming field when `withWell`. */
function argsFor(name: string, schema: Schema, withWell: boolean): Args | null {
  const props = schema.properties ?? {};
  const args: Args = {};
  for (const key of schema.required ?? []) args[key] = sample(props[key]);
  let named = false;
  for (const key of Object.keys(props)) {
    const value = key === "well_id"
      ? FORBIDDEN
      : /^(well_ids|wells)$/.test(key)
      ? ["W001", FORBIDDEN]
      : key === "record_id"
      ? forbiddenRecord
      : undefined;
    if (value === undefined) continue;
    if (withWell) (args[key] = value, named = true);
    else if ((schema.required ?? []).includes(key)) return null; // cannot be called without naming a well
  }
  const extra = OVERRIDES[name]?.(withWell ? FORBIDDEN : null) ?? {};
  if (JSON.stringify(extra).includes(FORBIDDEN)) named = true;
  if (withWell && !named) return null;
  return { ...args, ...extra };
}

/**
 * What `text` shows of outside the grant once every visible id and name is taken out: other
 * wells' ids, other blocks' names, and the named forbidden well's name (its id may be echoed
 * back as typed, never anything about it).
 */
function leaked(text: string, named: boolean): string[] {
  let rest = text.replaceAll(noAccessMessage(FORBIDDEN), "·");
  for (const v of [...visible].sort((a, b) => b.length - a.length)) rest = rest.replaceAll(v, "·");
  const sensitive = [
    ...hidden.filter((h) => !named || h !== FORBIDDEN),
    ...otherBlocks,
    forbiddenName,
  ];
  return sensitive.filter((h) => rest.includes(h));
}

test("every registered tool, as every scoped role that may call it, shows no well outside the grant", async () => {
  let walked = 0;
  for (const role of SCOPED) {
    const client: Client = await connectStreamable(`${server.url}/mcp`, identity(role));
    try {
      const listed = new Map(
        (await client.listTools()).tools.map((t) => [t.name, t.inputSchema as Schema]),
      );
      for (const tool of TOOLS) {
        assert.equal(
          listed.has(tool.name),
          canCall(role, tool.name),
          `${role} ${tool.name} listing`,
        );
        if (!listed.has(tool.name)) continue;
        for (const withWell of [false, true]) {
          const args = argsFor(tool.name, listed.get(tool.name)!, withWell);
          if (!args) continue;
          const label = `${role} ${tool.name} ${JSON.stringify(args)}`;
          const result = await client.callTool({ name: tool.name, arguments: args }); // invalid arguments throw: add an OVERRIDES entry
          const text = textOf(result);
          const whole = JSON.stringify(result);
          walked++;
          if (withWell && ("well_id" in args || "well_ids" in args || "wells" in args)) {
            assert.equal(result.isError, true, `${label}: naming ${FORBIDDEN} must be refused`);
            assert.equal(text, noAccessMessage(FORBIDDEN), label);
          } else if (withWell) {
            // A record id of the forbidden well is answered like a missing record; a batch refuses the well's records.
            assert.ok(
              result.isError === true || whole.includes(noAccessMessage(FORBIDDEN)),
              `${label}: must be refused: ${text}`,
            );
          }
          assert.deepEqual(leaked(whole, withWell), [], `${label} leaks`);
        }
      }
    } finally {
      await client.close();
    }
  }
  assert.ok(walked >= 2 * 8, `walked ${walked} calls`);
  const count = Number(
    (await server.db.execute("SELECT count(*) AS n FROM drilling_daily WHERE well_id = ?", [
      FORBIDDEN,
    ])).rows[0].n,
  );
  const untouched =
    (await server.db.execute("SELECT depth_m, updated_by FROM drilling_daily WHERE id = ?", [
      forbiddenRecord,
    ])).rows[0];
  assert.equal(untouched.updated_by, null, "the out-of-scope record was not changed");
  assert.ok(count > 0);
});
