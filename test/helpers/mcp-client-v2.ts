import { Client, StreamableHTTPClientTransport } from "@modelcontextprotocol/client";
import type { ElicitRequest, ElicitResult, ResponseCacheStore } from "@modelcontextprotocol/client";

/** Options of {@link connectModern}. */
export interface ModernClientOptions {
  /** A response cache shared with other clients (default: the client's own). */
  readonly cache?: ResponseCacheStore;
  /** The principal's cache partition, for a shared cache. */
  readonly partition?: string;
  /** Called with the JSON-RPC method of every request the client sends (counts round trips). */
  readonly onSend?: (method: string) => void;
  /** Declares form elicitation and answers each elicitation with this (the person's answer). */
  readonly onElicit?: (request: ElicitRequest) => ElicitResult;
}

/** Connects the MCP SDK v2 client over Streamable HTTP pinned to the 2026-07-28 protocol, sending `headers` on every request. */
export async function connectModern(
  url: string,
  headers: Record<string, string>,
  options: ModernClientOptions = {},
): Promise<Client> {
  const client = new Client({ name: "oilfield-test-v2", version: "2.0.0" }, {
    versionNegotiation: { mode: { pin: "2026-07-28" } },
    ...(options.cache ? { responseCacheStore: options.cache } : {}),
    ...(options.partition !== undefined ? { cachePartition: options.partition } : {}),
    ...(options.onElicit ? { capabilities: { elicitation: { form: {} } } } : {}),
  });
  const onElicit = options.onElicit;
  if (onElicit) client.setRequestHandler("elicitation/create", (request) => onElicit(request));
  const counting = async (input: string | URL | Request, init?: RequestInit) => {
    if (options.onSend && typeof init?.body === "string") {
      options.onSend(String(JSON.parse(init.body).method));
    }
    return fetch(input, init);
  };
  await client.connect(
    new StreamableHTTPClientTransport(new URL(url), { requestInit: { headers }, fetch: counting }),
  );
  return client;
}
