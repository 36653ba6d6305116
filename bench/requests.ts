import type { LoadRequest } from "./wrk.ts";

/** The caller every bench request comes from (identity headers as LibreChat sends them). */
export const BENCH_IDENTITY: Record<string, string> = {
  "X-User-Role": "ENGINEER",
  "X-User-Email": "bench@example.com",
  "X-User-ID": "bench-user",
};

const MCP_HEADERS = {
  ...BENCH_IDENTITY,
  "Content-Type": "application/json",
  Accept: "application/json, text/event-stream",
  "MCP-Protocol-Version": "2025-06-18",
};

/** A JSON-RPC request body for `method`. */
export function jsonRpc(method: string, params: Record<string, unknown> = {}, id = 1): string {
  return JSON.stringify({ jsonrpc: "2.0", id, method, params });
}

/** MCP `tools/call` over Streamable HTTP. */
export function mcpCall(name: string, args: Record<string, unknown>, id = 1): LoadRequest {
  return {
    method: "POST",
    path: "/mcp",
    headers: MCP_HEADERS,
    body: jsonRpc("tools/call", { name, arguments: args }, id),
  };
}

/** The load workloads compared with the floor, by key. */
export const WORKLOADS: Readonly<
  Record<string, { title: string; request: LoadRequest; target: number }>
> = {
  mcp_call: {
    title: 'MCP tools/call query_drilling_data {"limit":5}',
    request: mcpCall("query_drilling_data", { limit: 5 }),
    target: 0.6,
  },
  rest_call: {
    title: "REST POST /mcp/call-tool same call",
    request: {
      method: "POST",
      path: "/mcp/call-tool",
      headers: { ...BENCH_IDENTITY, "Content-Type": "application/json" },
      body: JSON.stringify({ name: "query_drilling_data", arguments: { limit: 5 } }),
    },
    target: 0.8,
  },
  mcp_list: {
    title: "MCP tools/list (ENGINEER)",
    request: { method: "POST", path: "/mcp", headers: MCP_HEADERS, body: jsonRpc("tools/list") },
    target: 0.8,
  },
};

/** The floor's request: the same query, plain JSON. */
export const FLOOR_REQUEST: LoadRequest = { method: "GET", path: "/query" };

/** The parts of a JSON answer (the floor's, REST or JSON-RPC) the bench reads. */
export interface AnswerBody {
  readonly records?: readonly unknown[];
  readonly success?: boolean;
  readonly error?: unknown;
  readonly result?: {
    readonly records?: readonly unknown[];
    readonly tools?: readonly unknown[];
    readonly isError?: boolean;
    readonly structuredContent?: { readonly records?: readonly unknown[] };
  };
}

/** Sends one request with fetch and returns status and parsed body (SSE-free: JSON responses). */
export async function send(
  url: string,
  request: LoadRequest,
): Promise<{ status: number; body: AnswerBody }> {
  const res = await fetch(`${url}${request.path}`, {
    method: request.method,
    headers: request.headers,
    body: request.body,
  });
  const text = await res.text();
  try {
    return { status: res.status, body: JSON.parse(text) };
  } catch {
    throw new Error(
      `${request.method} ${request.path} answered ${res.status} with a body that is not JSON: "${
        text.slice(0, 200)
      }"`,
    );
  }
}

/** Throws unless one request of workload `key` gets the answer it should (run before loading it). */
export async function checkAnswer(url: string, key: string, request: LoadRequest): Promise<void> {
  const { status, body } = await send(url, request);
  const ok = key === "floor"
    ? status === 200 && body.records?.length === 5
    : key === "rest_call"
    ? status === 200 && body.success === true && body.result?.records?.length === 5
    : key === "mcp_list"
    ? status === 200 && (body.result?.tools?.length ?? 0) > 0
    : status === 200 && !body.result?.isError &&
      body.result?.structuredContent?.records?.length === 5;
  if (!ok) {
    throw new Error(
      `${key}: ${request.method} ${request.path} gave an unexpected answer (${status}): ${
        JSON.stringify(body).slice(0, 300)
      }`,
    );
  }
}
