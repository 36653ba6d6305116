import { AjvJsonSchemaValidator } from "@modelcontextprotocol/sdk/validation/ajv";
import type { CallDeps } from "../call.ts";
import type { User } from "../identity.ts";
import { createMcpServer, mcpAuthInfo } from "../mcp.ts";
import { createMcpRelay } from "./mcp-relay.ts";

/** Answers one stateless Streamable HTTP request (already parsed JSON-RPC body) for one caller. */
export type StreamableHandler = (request: Request, body: unknown, user: User) => Promise<Response>;

/**
 * Stateless MCP over Streamable HTTP: any instance can answer any request. One
 * MCP server, built on first use, serves every caller (the caller rides along in
 * the request's auth info); each POST gets a fresh SDK transport (JSON responses, no session).
 */
export function createStreamableHandler(deps: CallDeps): StreamableHandler {
  let relay: ReturnType<typeof createMcpRelay> | undefined;
  return async function handleStreamable(request, body, user) {
    relay ??= createMcpRelay(createMcpServer({ deps, transport: "streamable_http", jsonSchemaValidator: new AjvJsonSchemaValidator() }));
    return (await relay)(request, body, mcpAuthInfo(user));
  };
}
