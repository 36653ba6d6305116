import { test } from "node:test";
import assert from "node:assert/strict";
import { promtoolCheck } from "../helpers/promtool.ts";
import { identity, restCall, startTestServer } from "../helpers/server.ts";
import { connectStreamable } from "../helpers/mcp-client.ts";

test("the real server's /metrics after real calls passes promtool and counts them", async () => {
  const server = await startTestServer();
  try {
    assert.equal((await restCall(server.url, identity("USER"), "list_wells")).status, 200);
    assert.equal((await restCall(server.url, identity("USER"), "export_all_data")).status, 403);
    assert.equal(
      (await restCall(server.url, identity("USER"), "query_drilling_data", { limit: "ten" }))
        .status,
      400,
    );
    const mcp = await connectStreamable(`${server.url}/mcp`, identity("ENGINEER"));
    await mcp.callTool({ name: "query_drilling_data", arguments: { limit: 1 } });
    await mcp.close();
    assert.equal(
      (await fetch(`${server.url}/mcp/tools`, {
        headers: { "X-User-Role": "{{LIBRECHAT_USER_ROLE}}" },
      })).status,
      401,
    );

    const res = await fetch(`${server.url}/metrics`);
    assert.equal(res.status, 200);
    assert.match(res.headers.get("content-type") ?? "", /^text\/plain; version=0\.0\.4/);
    const text = await res.text();
    const check = promtoolCheck(text);
    assert.equal(check.status, 0, `promtool rejected /metrics:\n${check.output}\n${text}`);
    assert.equal(check.output.trim(), "", `promtool lint:\n${check.output}`);
    for (
      const line of [
        'mcp_tool_calls_total{tool_name="list_wells",role="USER"} 1',
        'mcp_tool_calls_total{tool_name="query_drilling_data",role="ENGINEER"} 1',
        'mcp_permission_denials_total{tool_name="export_all_data",role="USER"} 1',
        'mcp_errors_total{kind="invalid"} 1',
        'mcp_errors_total{kind="unauthorized"} 1',
      ]
    ) assert.ok(text.split("\n").includes(line), `"${line}" in:\n${text}`);
    assert.match(
      text,
      /^mcp_request_duration_seconds_count\{transport="streamable_http",outcome="ok"\} 1$/m,
    );
    assert.match(text, /^process_resident_memory_bytes \d{7,}$/m);
  } finally {
    await server.close();
  }
});
