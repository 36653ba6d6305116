import type { Context, Hono } from "hono";
import type { User } from "../identity.ts";
import type { SseHandlers } from "./sse.ts";

/** What {@link mountSseRoutes} needs from the app. */
export interface SseRouteDeps {
  readonly sse: SseHandlers;
  /** Reads the caller, or the 401 answer. */
  readonly identify: (c: Context) => User | Response;
  /** The 405 answer of a stateless Streamable HTTP endpoint. */
  readonly notAllowed: (c: Context) => Response;
}

/**
 * Legacy HTTP+SSE routes: `GET /sse` (messages to `POST /messages?sessionId=`) and
 * the guide's `GET /mcp/call-tool` (messages to `POST /mcp/call-tool?sessionId=`,
 * routed by app.ts). A GET carrying `MCP-Protocol-Version` on /mcp/call-tool is a
 * Streamable HTTP client looking for its optional stream: 405, as on /mcp.
 */
export function mountSseRoutes(app: Hono, deps: SseRouteDeps): void {
  const open = (endpoint: string) => async (c: Context) => {
    // Hono answers HEAD with the GET handler; a probe must not open a session.
    if (c.req.method === "HEAD") return c.body(null, 200, { "content-type": "text/event-stream; charset=utf-8" });
    if (endpoint === "/mcp/call-tool" && c.req.header("mcp-protocol-version")) return deps.notAllowed(c);
    const user = deps.identify(c);
    if (user instanceof Response) return user;
    return deps.sse.open(user, endpoint);
  };
  app.get("/sse", open("/messages"));
  app.get("/mcp/call-tool", open("/mcp/call-tool"));
  app.post("/messages", (c) => {
    const user = deps.identify(c);
    if (user instanceof Response) return user;
    const id = c.req.query("sessionId");
    if (!id) {
      return c.json({ error: "invalid", message: "缺少查询参数 sessionId：请先 GET /sse 打开会话 / missing query parameter sessionId: open a session with GET /sse first" }, 400);
    }
    return deps.sse.post(c.req.raw, id, user);
  });
}
