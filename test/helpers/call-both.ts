import assert from "node:assert/strict";
import { connectStreamable, textOf } from "./mcp-client.ts";
import { identity, restCall } from "./server.ts";

/**
 * Calls `name` as USER over REST and over MCP (Streamable HTTP), asserts both succeed
 * with the same structured result and text, and returns them.
 */
export async function callBoth(
  url: string,
  name: string,
  args: Record<string, unknown> = {},
  // deno-lint-ignore no-explicit-any -- assertions read JSON answers by path
): Promise<{ result: Record<string, any>; text: string }> {
  const rest = await restCall(url, identity("USER"), name, args);
  assert.equal(rest.status, 200, `${name} over REST: ${JSON.stringify(rest.body).slice(0, 300)}`);
  const client = await connectStreamable(`${url}/mcp`, identity("USER"));
  try {
    const mcp = await client.callTool({ name, arguments: args });
    assert.equal(mcp.isError, undefined, `${name} over MCP: ${textOf(mcp)}`);
    assert.deepEqual(
      mcp.structuredContent,
      rest.body.result,
      `${name}: MCP and REST give the same structured result`,
    );
    assert.equal(textOf(mcp), rest.body.text);
  } finally {
    await client.close();
  }
  return { result: rest.body.result, text: rest.body.text };
}
