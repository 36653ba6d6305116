import type { Hono, MiddlewareHandler } from "hono";
import { HttpError } from "../http/errors.ts";
import type { SseHandlers } from "./sse.ts";

/** What {@link mountSseRoutes} needs from the app. */
export interface SseRouteDeps {
  readonly sse: SseHandlers;
  /** The identity middleware: sets the caller as `user`, or refuses with 401. */
  readonly identity: MiddlewareHandler;
  /** The 405 answer of a stateless Streamable HTTP endpoint. */
  readonly notAllowed: () => Response;
}

// Hono answers HEAD with the GET route; a probe must not open a session, nor need an identity.
const headProbe: MiddlewareHandler = async function headProbe(c, next) {
  if (c.req.method === "HEAD") {
    return c.body(null, 200, { "content-type": "text/event-stream; charset=utf-8" });
  }
  await next();
};

/**
 * Legacy HTTP+SSE routes: `GET /sse` (messages to `POST /messages?sessionId=`) and
 * the guide's `GET /mcp/call-tool` (messages to `POST /mcp/call-tool?sessionId=`,
 * routed by app.ts). A GET carrying `MCP-Protocol-Version` on /mcp/call-tool is a
 * Streamable HTTP client looking for its optional stream: 405, as on /mcp.
 */
export function mountSseRoutes(app: Hono, deps: SseRouteDeps): void {
  const streamableGet: MiddlewareHandler = async function streamableGet(c, next) {
    if (c.req.header("mcp-protocol-version")) return deps.notAllowed();
    await next();
  };
  app.get("/sse", headProbe, deps.identity, (c) => deps.sse.open(c.var.user, "/messages"));
  app.get(
    "/mcp/call-tool",
    headProbe,
    streamableGet,
    deps.identity,
    (c) => deps.sse.open(c.var.user, "/mcp/call-tool"),
  );
  app.post("/messages", deps.identity, (c) => {
    const id = c.req.query("sessionId");
    if (!id) {
      throw new HttpError({
        status: 400,
        code: "invalid",
        message:
          "缺少查询参数 sessionId：请先 GET /sse 打开会话 / missing query parameter sessionId: open a session with GET /sse first",
      });
    }
    return deps.sse.post(c.req.raw, id, c.var.user);
  });
}
