import assert from "node:assert/strict";
import { connectStreamable, textOf } from "./mcp-client.ts";
import { identity } from "./server.ts";

/** The guide's refusal text for USER calling delete_drilling_record. */
export const REFUSED_DELETE = "权限不足：用户角色 USER 无权访问工具 delete_drilling_record";

/**
 * Drives a running server the way LibreChat would: `/health`, a tool call over Streamable HTTP
 * with the SDK client, and a refused call (over MCP and REST). Returns the health body.
 */
export async function driveServer(
  url: string,
  headers: Record<string, string> = {},
): Promise<{ total_records: number }> {
  const health = await fetch(`${url}/health`, { headers });
  const body = await health.json();
  assert.equal(health.status, 200, JSON.stringify(body));
  assert.equal(body.status, "healthy");
  assert.ok(body.total_records > 0, `demo data present: ${JSON.stringify(body)}`);

  const user = await connectStreamable(`${url}/mcp`, { ...identity("USER"), ...headers });
  try {
    const result = await user.callTool({ name: "query_drilling_data", arguments: { limit: 2 } });
    assert.ok(!result.isError, textOf(result));
    const records = (result.structuredContent as { records: unknown[] }).records;
    assert.equal(records.length, 2);
    const refused = await user.callTool({
      name: "delete_drilling_record",
      arguments: { record_id: 1 },
    });
    assert.equal(refused.isError, true);
    assert.equal(textOf(refused), REFUSED_DELETE);
  } finally {
    await user.close();
  }
  const rest = await fetch(`${url}/mcp/call-tool`, {
    method: "POST",
    headers: { "content-type": "application/json", ...identity("USER"), ...headers },
    body: JSON.stringify({ name: "delete_drilling_record", arguments: { record_id: 1 } }),
  });
  assert.equal(rest.status, 403);
  assert.equal((await rest.json()).message, REFUSED_DELETE);
  return body;
}

/** Adds a daily report as ENGINEER over MCP; returns its record id. */
export async function addRecord(
  url: string,
  wellId: string,
  date: string,
  headers: Record<string, string> = {},
): Promise<number> {
  const client = await connectStreamable(`${url}/mcp`, { ...identity("ENGINEER"), ...headers });
  try {
    const result = await client.callTool({
      name: "add_drilling_record",
      arguments: {
        well_id: wellId,
        report_date: date,
        depth_m: 1234.5,
        main_work: "扩容测试 scale-out",
      },
    });
    assert.ok(!result.isError, textOf(result));
    return (result.structuredContent as { record: { id: number } }).record.id;
  } finally {
    await client.close();
  }
}

/** The daily reports of one well on one date, read as USER over MCP. */
export async function readRecords(
  url: string,
  wellId: string,
  date: string,
  headers: Record<string, string> = {},
): Promise<Record<string, unknown>[]> {
  const client = await connectStreamable(`${url}/mcp`, { ...identity("USER"), ...headers });
  try {
    const result = await client.callTool({
      name: "query_drilling_data",
      arguments: { well_id: wellId, date_from: date, date_to: date },
    });
    assert.ok(!result.isError, textOf(result));
    return (result.structuredContent as { records: Record<string, unknown>[] }).records;
  } finally {
    await client.close();
  }
}

/** The first well id of the demo data, read as USER. */
export async function firstWell(
  url: string,
  headers: Record<string, string> = {},
): Promise<string> {
  const client = await connectStreamable(`${url}/mcp`, { ...identity("USER"), ...headers });
  try {
    const result = await client.callTool({ name: "list_wells", arguments: { limit: 1 } });
    return (result.structuredContent as { wells: { well_id: string }[] }).wells[0].well_id;
  } finally {
    await client.close();
  }
}
