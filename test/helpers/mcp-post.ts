/**
 * One JSON-RPC message POSTed to a Streamable HTTP endpoint as a 2025-06-18 client sends it, the
 * answer read whole.
 * @module
 */

/** The headers a 2025-06-18 client sends with every POST to /mcp. */
export const MCP_POST_HEADERS: Readonly<Record<string, string>> = {
  "content-type": "application/json",
  accept: "application/json, text/event-stream",
  "mcp-protocol-version": "2025-06-18",
};

/** A POST's status, content type and JSON body. */
export interface McpPostAnswer<Body> {
  readonly status: number;
  readonly type: string | null;
  readonly body: Body;
}

/**
 * POSTs `message` as JSON to `url` with MCP_POST_HEADERS, overridden or extended by `headers`, and
 * parses the answer as JSON (typed `Body` as the caller reads it).
 */
export async function postMcp<Body = Record<string, unknown>>(
  url: string,
  headers: Record<string, string>,
  message: unknown,
): Promise<McpPostAnswer<Body>> {
  const res = await fetch(url, {
    method: "POST",
    headers: { ...MCP_POST_HEADERS, ...headers },
    body: JSON.stringify(message),
  });
  return {
    status: res.status,
    type: res.headers.get("content-type"),
    body: JSON.parse(await res.text()) as Body,
  };
}
