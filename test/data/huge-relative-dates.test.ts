import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { identity, restCall, startTestServer } from "../helpers/server.ts";
import type { TestServer } from "../helpers/server.ts";

// Relative dates whose start lies beyond what Date can hold: before the fix these became
// date_from "0NaN-NaN-NaN" and a 500 in every tool that takes a date.
const HUGE_RELATIVE_DATES = [
  "最近999999999天",
  "last 99999999999999999 days",
  "最近99999999999月",
  "past 99999999999 years",
  "最近九千九百九十九年",
];
const DATE_FIELDS = ["date", "date_from", "date_to", "period", "dates"];

let server: TestServer;
before(async () => (server = await startTestServer()));
after(() => server.close());

const admin = identity("ADMIN");

test("huge relative dates get the clear 400 of 最近9999999天 in every tool that takes a date, over REST", async () => {
  const listed = await fetch(`${server.url}/mcp/tools`, { headers: admin }).then((r) => r.json());
  const tools = (listed.tools as {
    name: string;
    inputSchema: { properties?: Record<string, unknown>; required?: string[] };
  }[])
    .filter((t) =>
      Object.keys(t.inputSchema.properties ?? {}).some((p) => DATE_FIELDS.includes(p))
    );
  const wells = (await restCall(server.url, admin, "list_wells", { limit: 2 })).body;
  const wellIds: string[] = JSON.stringify(wells).match(/"well_id":"([^"]+)"/g)!.map((m) =>
    m.slice(11, -1)
  );
  assert.ok(
    tools.length >= 8,
    `${tools.map((t) => t.name)}: the analyses, queries and get_period_report take dates`,
  );
  const base = (required: readonly string[]) =>
    Object.fromEntries(
      required.map((
        r,
      ) => [r, r === "well_ids" ? wellIds.slice(0, 2) : r === "well_id" ? wellIds[0] : 1]),
    );
  const reference = await restCall(server.url, admin, "query_drilling_data", {
    date: "最近9999999天",
  });
  assert.equal(reference.status, 400);
  assert.match(reference.body.message, /日期太早.*date is too far back/);
  let checked = 0;
  for (const tool of tools) {
    const fields = Object.keys(tool.inputSchema.properties ?? {}).filter((p) =>
      DATE_FIELDS.includes(p)
    );
    const args = base(tool.inputSchema.required ?? []);
    if (tool.name === "get_period_report") args.well_id = wellIds[0];
    for (const field of fields) {
      for (const value of HUGE_RELATIVE_DATES) {
        const res = await restCall(server.url, admin, tool.name, {
          ...args,
          [field]: field === "dates" ? [value] : value,
        });
        const said = `${tool.name} ${field}=${value}: ${res.status} ${
          JSON.stringify(res.body).slice(0, 200)
        }`;
        assert.equal(res.status, 400, said);
        assert.match(res.body.message, /日期太早 ".+" \/ date is too far back/, said);
        assert.doesNotMatch(JSON.stringify(res.body), /NaN/, said);
        checked++;
      }
    }
  }
  assert.ok(checked >= 8 * HUGE_RELATIVE_DATES.length, `${checked} calls`);
  assert.equal(server.logs.filter((l) => l.level === "error").length, 0, "no error logged");
});
