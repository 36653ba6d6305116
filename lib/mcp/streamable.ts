import {
  createMcpHandler,
  isJsonContentType,
  isLegacyRequest,
  ProtocolErrorCode,
  SUPPORTED_PROTOCOL_VERSIONS,
  WebStandardStreamableHTTPServerTransport,
} from "@modelcontextprotocol/server";
import type { McpServerFactory } from "@modelcontextprotocol/server";
import { AjvJsonSchemaValidator } from "@modelcontextprotocol/server/validators/ajv";
import type { CallDeps } from "../call/call.ts";
import type { User } from "../identity/identity.ts";
import { callTool } from "../call/call.ts";
import { callerOf, createMcpServer, mcpAuthInfo, toCallToolResult } from "./server.ts";
import { isObject } from "../http/jsonrpc-check.ts";

const encoder = new TextEncoder();
const LIST_HEAD = encoder.encode('{"result":{"tools":');
const LIST_KEYS = new Set(["jsonrpc", "id", "method", "params"]);

const CALL_PARAM_KEYS = new Set(["name", "arguments"]);

/** The id and params of a body that is one plain 2025-era request of `method`, else undefined. */
function plainRequest(
  body: unknown,
  method: string,
): { id: string | number; params: Record<string, unknown> } | undefined {
  if (!isObject(body)) return undefined;
  if (
    body.jsonrpc !== "2.0" || body.method !== method ||
    !Object.keys(body).every((k) => LIST_KEYS.has(k))
  ) return undefined;
  const params = body.params ?? {};
  if (!isObject(params)) return undefined;
  const id = body.id;
  return (typeof id === "string" && id.length <= 200) || Number.isSafeInteger(id)
    ? { id: id as string | number, params }
    : undefined;
}

/** The id of a body that is one plain 2025-era `tools/list` request (no params but `{}`), else undefined. */
function plainToolsListId(body: unknown): string | number | undefined {
  const plain = plainRequest(body, "tools/list");
  return plain && Object.keys(plain.params).length === 0 ? plain.id : undefined;
}

/** Whether the SDK's stateless transport would take this request as it is (Accept, Content-Type, protocol version). */
function sdkWouldTake(request: Request): boolean {
  const accept = request.headers.get("accept");
  if (!accept?.includes("application/json") || !accept.includes("text/event-stream")) return false;
  if (!isJsonContentType(request.headers.get("content-type"))) return false;
  const version = request.headers.get("mcp-protocol-version");
  return version === null || SUPPORTED_PROTOCOL_VERSIONS.includes(version);
}

const json = (body: string | Uint8Array<ArrayBuffer>) =>
  new Response(body, { status: 200, headers: { "Content-Type": "application/json" } });

/**
 * The SDK's answer to a plain 2025-era `tools/call` (params only `name` and an `arguments` object, no
 * `_meta`; a 2025-era purge is never asked to confirm, see purgeRound), without building a server and transport for it: the same
 * pipeline (callTool, toCallToolResult) as the SDK server's handler, the same JSON-RPC result or error.
 * Any other request goes to the SDK. test/mcp/streamable-call.test.ts holds the two answers equal.
 */
async function plainToolCall(
  deps: CallDeps,
  request: Request,
  body: unknown,
  user: User,
): Promise<Response | null> {
  const plain = plainRequest(body, "tools/call");
  if (!plain || !sdkWouldTake(request)) return null;
  const { name, arguments: args = {} } = plain.params;
  if (
    typeof name !== "string" || !isObject(args) ||
    !Object.keys(plain.params).every((k) => CALL_PARAM_KEYS.has(k))
  ) return null;
  const id = JSON.stringify(plain.id);
  try {
    const result = toCallToolResult(
      await callTool(deps, user, name, args, "streamable_http"),
    );
    return json(`{"result":${JSON.stringify(result)},"jsonrpc":"2.0","id":${id}}`);
  } catch (error) {
    // As the SDK answers a handler's throw: its code when it has one, else an internal error.
    const e = error as { code?: unknown; message?: unknown; data?: unknown } | null;
    const code = Number.isSafeInteger(e?.code) ? e?.code : ProtocolErrorCode.InternalError;
    const message = typeof e?.message === "string" ? e.message : "Internal error";
    return json(
      `{"jsonrpc":"2.0","id":${id},"error":${
        JSON.stringify({ code, message, ...(e?.data !== undefined ? { data: e.data } : {}) })
      }}`,
    );
  }
}

/**
 * The SDK's answer to a plain 2025-era `tools/list`, without building a server: the caller's list is
 * serialized once per (role, exposed tools) by the registry (the SDK would stringify about 100 KB per
 * request). Only a request the SDK would answer with that list is taken (its Accept, Content-Type and
 * protocol version checks passed); any other goes to the SDK. test/mcp/streamable-list.test.ts holds
 * the two answers equal.
 */
function cachedToolsList(
  deps: CallDeps,
  request: Request,
  body: unknown,
  user: User,
): Response | null {
  const id = plainToolsListId(body);
  if (id === undefined || !sdkWouldTake(request)) return null;
  const tools = deps.tools.listJson(user.role.role, user.tools);
  const tail = encoder.encode(`},"jsonrpc":"2.0","id":${JSON.stringify(id)}}`);
  const bytes = new Uint8Array(LIST_HEAD.length + tools.length + tail.length);
  bytes.set(LIST_HEAD, 0);
  bytes.set(tools, LIST_HEAD.length);
  bytes.set(tail, LIST_HEAD.length + tools.length);
  return json(bytes);
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
    createMcpServer({
      deps,
      user: callerOf(ctx.authInfo),
      transport: "streamable_http",
      jsonSchemaValidator: validator,
    });
  const modern = createMcpHandler(factory, {
    legacy: "reject",
    onerror: (error) => deps.log.warn("mcp request rejected", { error: error.message }),
  });

  async function legacy(request: Request, body: unknown, user: User): Promise<Response> {
    const server = createMcpServer({
      deps,
      user,
      transport: "streamable_http",
      jsonSchemaValidator: validator,
    });
    const transport = new WebStandardStreamableHTTPServerTransport({
      sessionIdGenerator: undefined,
      enableJsonResponse: true,
    });
    await server.connect(transport);
    // Not closed after: with JSON responses the answer resolves only once every request of the body
    // is answered, so no handler, timer or stream is left, and both objects are garbage. close()
    // would only build an SdkError (a stack trace) per request to reject handlers there are none of.
    return transport.handleRequest(request, { parsedBody: body, authInfo: mcpAuthInfo(user) });
  }

  return async function handleStreamable(request, body, user) {
    if (await isLegacyRequest(request, body)) {
      return cachedToolsList(deps, request, body, user) ??
        (await plainToolCall(deps, request, body, user)) ?? legacy(request, body, user);
    }
    return modern.fetch(request, { parsedBody: body, authInfo: mcpAuthInfo(user) });
  };
}
