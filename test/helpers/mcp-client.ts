import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";

/** Connects the MCP SDK's own client over Streamable HTTP, sending `headers` on every request. */
export async function connectStreamable(
  url: string,
  headers: Record<string, string>,
): Promise<Client> {
  const client = new Client({ name: "oilfield-test", version: "1.0.0" });
  await client.connect(
    new StreamableHTTPClientTransport(new URL(url), { requestInit: { headers } }),
  );
  return client;
}

/** The text of a tool result's first text content block ("" when it has none). */
export function textOf(result: object): string {
  const content: unknown = "content" in result ? result.content : undefined;
  if (!Array.isArray(content)) return "";
  const blocks: unknown[] = content;
  const text = blocks.find(isTextBlock);
  return text ? text.text : "";
}

function isTextBlock(block: unknown): block is { type: "text"; text: string } {
  return typeof block === "object" && block !== null && "type" in block && block.type === "text" &&
    "text" in block && typeof block.text === "string";
}
