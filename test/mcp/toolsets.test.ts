import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { TOOLS } from "../../lib/tools/index.ts";
import { loadConfig } from "../../lib/config/config.ts";
import { exposes, narrowFilter, parseToolFilter, TOOLSETS } from "../../lib/mcp/toolsets.ts";
import { identity, restCall, startTestServer } from "../helpers/server.ts";
import type { TestServer } from "../helpers/server.ts";
import { connectStreamable, textOf } from "../helpers/mcp-client.ts";

/** The text of a tool result (the SDK types callTool's result as a union the helper does not take). */
const said = (result: unknown): string => textOf(result as { content?: unknown });
import { libreChatTransport } from "../helpers/librechat-connect.ts";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";

const ANALYSIS = [...TOOLSETS.analysis].sort();

test("every registered tool is in exactly one toolset, the one its definition names", () => {
  assert.deepEqual(ANALYSIS, [
    "analyze_npt",
    "analyze_rop",
    "compare_wells",
    "compute_mse",
    "get_drilling_curve",
    "get_period_report",
  ]);
  for (const tool of TOOLS) {
    assert.ok(TOOLSETS[tool.toolset].includes(tool.name), `${tool.name} in ${tool.toolset}`);
  }
  const listed = Object.values(TOOLSETS).flat();
  assert.deepEqual([...listed].sort(), TOOLS.map((t) => t.name).sort());
  assert.equal(new Set(listed).size, listed.length, "a tool in two toolsets");
});

test("MCP_TOOLS reads toolsets and tool names; an unknown entry stops start-up naming it", () => {
  assert.equal(loadConfig({}).tools, null);
  assert.deepEqual(
    [...loadConfig({ MCP_TOOLS: "analysis, export_all_data" }).tools!].sort(),
    [...ANALYSIS, "export_all_data"].sort(),
  );
  assert.throws(
    () => loadConfig({ MCP_TOOLS: "read,drop_everything" }),
    /MCP_TOOLS="read,drop_everything": "drop_everything" 不是工具集或工具名/,
  );
  const narrowed = narrowFilter(
    parseToolFilter("read,analysis"),
    parseToolFilter("analysis,export_all_data"),
  );
  assert.deepEqual([...narrowed!].sort(), ANALYSIS, "an endpoint never widens the deployment");
  assert.equal(exposes(null, "export_all_data"), true);
});

let server: TestServer;
before(async () => (server = await startTestServer({ MCP_TOOLS: "read,analysis,admin" })));
after(() => server.close());

test("a deployment filter unlists and refuses the tools it leaves out, over MCP and REST; roles still apply", async () => {
  const engineer = await connectStreamable(`${server.url}/mcp`, identity("ENGINEER"));
  try {
    const names = (await engineer.listTools()).tools.map((t) => t.name);
    assert.ok(names.includes("query_drilling_data") && names.includes("analyze_rop"));
    assert.ok(!names.some((n) => TOOLSETS.write.includes(n)), `write tools unlisted: ${names}`);
    assert.ok(
      !names.includes("export_all_data"),
      "admin toolset exposed, but ENGINEER may not call it",
    );
    const refused = await engineer.callTool({
      name: "save_drilling_daily",
      arguments: { records: [{ well_id: "W001", report_date: "2031-01-01" }] },
    });
    assert.equal(refused.isError, true);
    assert.match(said(refused), /工具 save_drilling_daily 未在此端点开放.*MCP_TOOLS/);
    const byRole = await engineer.callTool({ name: "export_all_data", arguments: {} });
    assert.equal(
      said(byRole),
      "权限不足：用户角色 ENGINEER 无权访问工具 export_all_data",
      "the role refusal stays verbatim",
    );
  } finally {
    await engineer.close();
  }
  const rest = await restCall(server.url, identity("ADMIN"), "add_drilling_record", {
    well_id: "W001",
    report_date: "2031-01-01",
  });
  assert.equal(rest.status, 403);
  assert.match(rest.body.message, /未在此端点开放/);
  const rows = await server.db.execute(
    "SELECT count(*) AS n FROM drilling_daily WHERE report_date = '2031-01-01'",
  );
  assert.equal(Number(rows.rows[0].n), 0, "nothing written");
});

test("?tools= on the endpoint URL narrows further, on Streamable HTTP, legacy SSE, REST and GET /mcp/tools", async () => {
  const streamable = await connectStreamable(`${server.url}/mcp?tools=analysis`, identity("ADMIN"));
  try {
    assert.deepEqual((await streamable.listTools()).tools.map((t) => t.name).sort(), ANALYSIS);
    const refused = await streamable.callTool({ name: "query_drilling_data", arguments: {} });
    assert.match(said(refused), /工具 query_drilling_data 未在此端点开放/);
  } finally {
    await streamable.close();
  }
  const sse = new Client({ name: "sse", version: "1" });
  await sse.connect(
    libreChatTransport({ url: `${server.url}/sse?tools=analysis` }, identity("USER")),
  );
  try {
    assert.deepEqual((await sse.listTools()).tools.map((t) => t.name).sort(), ANALYSIS);
    assert.equal((await sse.callTool({ name: "analyze_rop", arguments: {} })).isError, undefined);
    assert.equal((await sse.callTool({ name: "list_wells", arguments: {} })).isError, true);
  } finally {
    await sse.close();
  }
  const widened =
    await (await fetch(`${server.url}/mcp/tools?tools=write`, { headers: identity("ADMIN") }))
      .json();
  assert.deepEqual(widened.tools, [], "write is not in MCP_TOOLS: ?tools= cannot add it");
  const bad = await fetch(`${server.url}/mcp?tools=everything`, {
    method: "POST",
    headers: { ...identity("ADMIN"), "content-type": "application/json" },
    body: "{}",
  });
  assert.equal(bad.status, 400);
  assert.match((await bad.json()).message, /tools="everything"/);
  const csv = await fetch(`${server.url}/export/drilling_daily.csv?tools=analysis`, {
    headers: identity("ADMIN"),
  });
  assert.equal(
    csv.status,
    403,
    "the CSV download is export_all_data: refused where it is not exposed",
  );
});
