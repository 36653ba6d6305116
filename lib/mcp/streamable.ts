import { createMcpHandler, isJsonContentType, isLegacyRequest, SUPPORTED_PROTOCOL_VERSIONS, WebStandardStreamableHTTPServerTransport } from "@modelcontextprotocol/server";
import type { McpServerFactory } from "@modelcontextprotocol/server";
import { AjvJsonSchemaValidator } from "@modelcontextprotocol/server/validators/ajv";
import type { CallDeps } from "../call/call.ts";
import type { User } from "../identity/identity.ts";
import { callerOf, createMcpServer, mcpAuthInfo } from "./server.ts";

const encoder = new TextEncoder();
const LIST_HEAD = encoder.encode('{"result":{"tools":');
const LIST_KEYS = new Set(["jsonrpc", "id", "method", "params"]);

/** The id of a body that is one plain 2025-era `tools/list` request (no params but `{}`), else undefined. */
function plainToolsListId(body: unknown): string | number | undefined {
  if (typeof body !== "object" || body === null || Array.isArray(body)) return undefined;
  const m = body as Record<string, unknown>;
  if (m.jsonrpc !== "2.0" || m.method !== "tools/list" || !Object.keys(m).every((k) => LIST_KEYS.has(k))) return undefined;
  const params = m.params;
  if (params !== undefined && (typeof params !== "object" || params === null || Array.isArray(params) || Object.keys(params).length > 0)) return undefined;
  const id = m.id;
  return (typeof id === "string" && id.length <= 200) || Number.isSafeInteger(id) ? (id as string | number) : undefined;
}

/**
 * The SDK's answer to a plain 2025-era `tools/list`, without building a server: the caller's list is
 * serialized once per (role, exposed tools) by the registry (the SDK would stringify about 100 KB per
 * request). Only a request the SDK would answer with that list is taken (its Accept, Content-Type and
 * protocol version checks passed); any other goes to the SDK. test/mcp/streamable-list.test.ts holds
 * the two answers equal.
 */
function cachedToolsList(deps: CallDeps, request: Request, body: unknown, user: User): Response | null {
  const id = plainToolsListId(body);
  if (id === undefined) return null;
  const accept = request.headers.get("accept");
  if (!accept?.includes("application/json") || !accept.includes("text/event-stream")) return null;
  if (!isJsonContentType(request.headers.get("content-type"))) return null;
  const version = request.headers.get("mcp-protocol-version");
  if (version !== null && !SUPPORTED_PROTOCOL_VERSIONS.includes(version)) return null;
  const tools = deps.tools.listJson(user.role.role, user.tools);
  const tail = encoder.encode(`},"jsonrpc":"2.0","id":${JSON.stringify(id)}}`);
  const bytes = new Uint8Array(LIST_HEAD.length + tools.length + tail.length);
  bytes.set(LIST_HEAD, 0);
  bytes.set(tools, LIST_HEAD.length);
  bytes.set(tail, LIST_HEAD.length + tools.length);
  return new Response(bytes, { status: 200, headers: { "Content-Type": "application/json" } });
}

/** Answers one stateless Streamable HTTP request (already parsed JSON-RPC body) for one caller. */
export type StreamableHandler = (request: Request, body: unknown, user: User) => Promise<Response>;

/**
 * MCP over Streamable HTTP for both protocol eras, stateless: any instance answers any request.
 *
 * Every request gets its own MCP server from one factory, built for the caller the identity headers named
 * (carried in the request's auth info, never taken from the client). 2026-07-28 requests (a `_meta` envelope)
 * go to the SDK's `createMcpHandler`, which owns that revision's checks: `server/discover`, the envelope,
 * the `Mcp-Method`/`Mcp-Name` headers, cache fields and error codes. 2025-era requests (LibreChat's v1
 * client) are answered as before: a stateless transport with plain JSON responses, no session.
 */
export function createStreamableHandler(deps: CallDeps): StreamableHandler {
  const validator = new AjvJsonSchemaValidator();
  const factory: McpServerFactory = (ctx) =>
    createMcpServer({ deps, user: callerOf(ctx.authInfo), transport: "streamable_http", jsonSchemaValidator: validator });
  const modern = createMcpHandler(factory, {
    legacy: "reject",
    onerror: (error) => deps.log.warn("mcp request rejected", { error: error.message }),
  });

  async function legacy(request: Request, body: unknown, user: User): Promise<Response> {
    const server = createMcpServer({ deps, user, transport: "streamable_http", jsonSchemaValidator: validator });
    const transport = new WebStandardStreamableHTTPServerTransport({ sessionIdGenerator: undefined, enableJsonResponse: true });
    await server.connect(transport);
    // Not closed after: with JSON responses the answer resolves only once every request of the body
    // is answered, so no handler, timer or stream is left, and both objects are garbage. close()
    // would only build an SdkError (a stack trace) per request to reject handlers there are none of.
    return transport.handleRequest(request, { parsedBody: body, authInfo: mcpAuthInfo(user) });
  }

  return async function handleStreamable(request, body, user) {
    if (await isLegacyRequest(request, body)) return cachedToolsList(deps, request, body, user) ?? legacy(request, body, user);
    return modern.fetch(request, { parsedBody: body, authInfo: mcpAuthInfo(user) });
  };
}
