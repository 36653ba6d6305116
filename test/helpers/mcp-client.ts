import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";

/** Connects the MCP SDK's own client over Streamable HTTP, sending `headers` on every request. */
export async function connectStreamable(url: string, headers: Record<string, string>): Promise<Client> {
  const client = new Client({ name: "oilfield-test", version: "1.0.0" });
  await client.connect(new StreamableHTTPClientTransport(new URL(url), { requestInit: { headers } }));
  return client;
}

/** The text of a tool result's first content block. */
export function textOf(result: { content?: unknown }): string {
  const content = result.content as { type: string; text?: string }[] | undefined;
  return content?.find((c) => c.type === "text")?.text ?? "";
}
