import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { SSEClientTransport } from "@modelcontextprotocol/sdk/client/sse.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import type { Transport } from "@modelcontextprotocol/sdk/shared/transport.js";
import { resolveLibreChatHeaders } from "./librechat.ts";
import type { LibreChatUser } from "./librechat.ts";

/** The transport-relevant part of a librechat.yaml `mcpServers` entry. */
export interface McpServerEntry {
  readonly type?: string;
  readonly url: string;
  readonly headers?: Record<string, string>;
}

/**
 * Builds the client transport the way LibreChat's MCPConnection does
 * (danny-avila/LibreChat packages/api/src/mcp/connection.ts): `streamable-http`
 * or `http` → StreamableHTTPClientTransport; otherwise, for an http(s) URL, the
 * legacy SSEClientTransport, whose event-stream GET gets the configured headers
 * through `eventSourceInit.fetch` (merged with `Object.assign`, as LibreChat does).
 */
export function libreChatTransport(
  entry: McpServerEntry,
  headers: Record<string, string>,
): Transport {
  const url = new URL(entry.url);
  if (entry.type === "streamable-http" || entry.type === "http") {
    return new StreamableHTTPClientTransport(url, { requestInit: { headers } });
  }
  return new SSEClientTransport(url, {
    requestInit: { headers },
    eventSourceInit: {
      fetch: (input, init) =>
        fetch(input, { ...init, headers: new Headers(Object.assign({}, init?.headers, headers)) }),
    },
  });
}

/** One LibreChat connection for one user: headers resolved from the user record, then `initialize`. */
export async function connectAsLibreChat(
  entry: McpServerEntry,
  user: LibreChatUser,
  env: Record<string, string | undefined> = {},
): Promise<Client> {
  const headers = resolveLibreChatHeaders(entry.headers ?? {}, user, env);
  const client = new Client({ name: "librechat-like", version: "1.0.0" }, { capabilities: {} });
  await client.connect(libreChatTransport(entry, headers));
  return client;
}
