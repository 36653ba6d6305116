import { WebStandardStreamableHTTPServerTransport } from "@modelcontextprotocol/sdk/server/webStandardStreamableHttp.js";
import { AjvJsonSchemaValidator } from "@modelcontextprotocol/sdk/validation/ajv";
import type { CallDeps } from "../call.ts";
import type { User } from "../identity.ts";
import { createMcpServer } from "../mcp.ts";

/** Answers one stateless Streamable HTTP request (already parsed JSON-RPC body) for one caller. */
export type StreamableHandler = (request: Request, body: unknown, user: User) => Promise<Response>;

/**
 * Stateless MCP over Streamable HTTP: any instance can answer any request, so a
 * fresh transport serves each POST (JSON responses, no session). The schema
 * validator and the tool listings are built once, not per request.
 */
export function createStreamableHandler(deps: CallDeps): StreamableHandler {
  const validator = new AjvJsonSchemaValidator();
  return async function handleStreamable(request, body, user) {
    const server = createMcpServer({ deps, user, transport: "streamable_http", jsonSchemaValidator: validator });
    const transport = new WebStandardStreamableHTTPServerTransport({ sessionIdGenerator: undefined, enableJsonResponse: true });
    await server.connect(transport);
    try {
      return await transport.handleRequest(request, { parsedBody: body });
    } finally {
      await server.close();
    }
  };
}
