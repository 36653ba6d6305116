import { createMcpHandler, isLegacyRequest, WebStandardStreamableHTTPServerTransport } from "@modelcontextprotocol/server";
import type { McpServerFactory } from "@modelcontextprotocol/server";
import { AjvJsonSchemaValidator } from "@modelcontextprotocol/server/validators/ajv";
import type { CallDeps } from "../call.ts";
import type { User } from "../identity.ts";
import { callerOf, createMcpServer, mcpAuthInfo } from "../mcp.ts";

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
    try {
      return await transport.handleRequest(request, { parsedBody: body, authInfo: mcpAuthInfo(user) });
    } finally {
      // JSON responses are complete when returned: nothing of this exchange is left to send.
      void server.close().catch(() => {});
    }
  }

  return async function handleStreamable(request, body, user) {
    if (await isLegacyRequest(request, body)) return legacy(request, body, user);
    return modern.fetch(request, { parsedBody: body, authInfo: mcpAuthInfo(user) });
  };
}
