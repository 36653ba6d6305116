import { Hono } from "hono";
import type { Context } from "hono";
import { auditRefusedIdentity } from "./audit/identity-audit.ts";
import { createAuditSink } from "./audit/sink.ts";
import type { AuditSink } from "./audit/sink.ts";
import { callTool } from "./call.ts";
import type { CallMetrics } from "./call.ts";
import type { Config } from "./config.ts";
import type { Db } from "./db.ts";
import { EXPORTABLE, exportCsvBytes } from "./data/export.ts";
import { dbFaultMessage, dbFaultOf } from "./db-faults.ts";
import { isJsonContentType, notJsonMessage } from "./http/content-type.ts";
import { readJsonBody } from "./http/json-body.ts";
import { checkJsonRpc } from "./http/jsonrpc-check.ts";
import { bearerAuth } from "./http/bearer-auth.ts";
import { hostGuard } from "./http/host-guard.ts";
import { wellKnownNotFound } from "./http/public-paths.ts";
import { createRateGate, isToolCall } from "./http/rate-gate.ts";
import { isJsonRpc, REST_STATUS, restBody } from "./http/rest.ts";
import { mountSseRoutes } from "./http/sse-routes.ts";
import type { SseSession } from "./http/sse.ts";
import { createSseHandlers, keepAliveMsFor, sseQueueLimitsFromConfig, sseStoreFromConfig } from "./http/sse.ts";
import type { SseSessionStore } from "./http/sse-sessions.ts";
import { createStreamableHandler } from "./http/streamable.ts";
import { IDENTITY_HEADERS, IdentityError, readUser } from "./identity.ts";
import type { User } from "./identity.ts";
import type { Logger } from "./log.ts";
import { canCall, deniedMessage, resolveScope } from "./permissions.ts";
import { createToolRegistry } from "./registry.ts";
import { scopeDatabase } from "./scope/scoped-db.ts";
import type { ToolRegistry } from "./registry.ts";
import { TOOLS } from "./tools/index.ts";
import { exposes, narrowFilter, notExposedMessage, parseToolFilter } from "./toolsets.ts";
import type { ToolFilter } from "./toolsets.ts";

/** What the HTTP app is built from. */
export interface AppDeps {
  readonly config: Config;
  readonly db: Db;
  readonly log: Logger;
  readonly metrics?: CallMetrics & { render?(): string };
  readonly tools?: ToolRegistry;
  readonly now?: () => Date;
  /** Open legacy-SSE sessions (startServer passes one so shutdown can close them). */
  readonly sse?: SseSessionStore<SseSession>;
  /** Where calls and refused identities leave their audit rows (startServer passes one so shutdown can drain it); else one that waits for each row. */
  readonly audit?: AuditSink;
}

const jsonRpcError = (code: number, message: string, id: unknown = null) => ({ jsonrpc: "2.0", id, error: { code, message } });

/**
 * The whole HTTP surface: MCP over Streamable HTTP at `/mcp` (and JSON-RPC on
 * `/mcp/call-tool`), REST for operators, health. Every route but `/health` reads
 * the caller from the identity headers.
 */
export function createApp(deps: AppDeps): Hono {
  const tools = deps.tools ?? createToolRegistry(TOOLS, { charts: deps.config.charts, language: deps.config.toolLanguage });
  const audit = deps.audit ?? createAuditSink(deps.db, deps.log);
  const callDeps = {
    db: deps.db, tools, log: deps.log, metrics: deps.metrics, now: deps.now, timeZone: deps.config.timeZone,
    scopedRoles: deps.config.scopedRoles, charts: deps.config.charts, audit,
  };
  const streamable = createStreamableHandler(callDeps);
  const rateGate = createRateGate(deps.config, deps.log);
  const sse = createSseHandlers({
    rateGate,
    call: callDeps,
    sessions: deps.sse ?? sseStoreFromConfig(deps.config),
    maxBodyBytes: deps.config.maxBodyBytes,
    keepAliveMs: keepAliveMsFor(deps.config.sseIdleSeconds),
    queueLimits: sseQueueLimitsFromConfig(deps.config),
  });
  const app = new Hono();
  app.use("*", hostGuard({ allowedHosts: deps.config.allowedHosts, bindHost: deps.config.host, log: deps.log }));
  if (deps.config.authToken) app.use("*", bearerAuth(deps.config.authToken, deps.log));
  app.all("/.well-known/*", (c) => wellKnownNotFound(c.req.path));

  const endpointTools = (c: Context): ToolFilter | Response => {
    const raw = c.req.query("tools");
    if (raw === undefined) return deps.config.tools;
    try {
      return narrowFilter(deps.config.tools, parseToolFilter(raw));
    } catch (error) {
      return c.json({ error: "invalid", message: `查询参数 tools="${raw}" 无效 / invalid query parameter tools="${raw}": ${(error as Error).message}` }, 400);
    }
  };

  const identify = (c: Context): User | Response => {
    try {
      const user = readUser(c.req.raw.headers, deps.config.roleMap);
      const tools = endpointTools(c);
      if (tools instanceof Response) return tools;
      return tools ? { ...user, tools } : user;
    } catch (error) {
      if (!(error instanceof IdentityError)) throw error;
      deps.log.warn("identity refused", { path: c.req.path, reason: error.message });
      deps.metrics?.error("unauthorized");
      void auditRefusedIdentity(audit, c.req.raw, error.message);
      return c.json({ error: "unauthorized", message: error.message }, 401);
    }
  };

  app.get("/health", async (c) => {
    try {
      const rs = await deps.db.execute("SELECT count(*) AS n FROM drilling_daily WHERE deleted_at IS NULL");
      return c.json({ status: "healthy", database: "connected", total_records: Number(rs.rows[0].n) });
    } catch (error) {
      deps.log.error("health check failed", { error: (error as Error).message });
      return c.json({ status: "unhealthy", database: "error", fault: dbFaultOf(error), error: dbFaultMessage(error) ?? (error as Error).message }, 503);
    }
  });

  app.get("/mcp/tools", (c) => {
    const hasIdentity = Object.values(IDENTITY_HEADERS).some((h) => c.req.header(h) !== undefined);
    if (!hasIdentity) {
      const exposed = endpointTools(c);
      if (exposed instanceof Response) return exposed;
      return c.json({ tools: tools.catalogue().filter((t) => exposes(exposed, t.name)) });
    }
    const user = identify(c);
    if (user instanceof Response) return user;
    const mine = new Set(tools.listFor(user.role.role, user.tools).map((t) => t.name));
    return c.json({ role: user.role.role, role_raw: user.role.raw, tools: tools.catalogue().filter((t) => mine.has(t.name)) });
  });

  const mcpPost = async (c: Context, allowRest: boolean) => {
    const user = identify(c);
    if (user instanceof Response) return user;
    const sessionId = c.req.query("sessionId");
    if (allowRest && sessionId !== undefined) return sse.post(c.req.raw, sessionId, user);
    const contentType = c.req.header("content-type");
    if (!isJsonContentType(contentType)) return c.json({ error: "unsupported_media_type", message: notJsonMessage(contentType) }, 415);
    const body = await readJsonBody(c.req.raw, deps.config.maxBodyBytes);
    if (!body.ok) {
      if (body.status === 413) return c.json({ error: "payload_too_large", message: body.message }, 413);
      return c.json(jsonRpcError(-32700, `解析错误 / parse error: ${body.message}`), 400);
    }
    if (!allowRest || isJsonRpc(body.value)) {
      const refusal = checkJsonRpc(body.value);
      if (refusal) return c.json(refusal.body, refusal.status);
      const limited = isToolCall(body.value) ? rateGate(user, body.value.id) : null;
      if (limited) return limited;
      return streamable(c.req.raw, body.value, user);
    }
    const { name, arguments: args } = (body.value ?? {}) as { name?: unknown; arguments?: unknown };
    if (typeof name !== "string" || name === "") {
      return c.json({ success: false, error: "invalid", message: '请求体须为 {"name": "工具名", "arguments": {...}} / body must be {"name": "tool", "arguments": {...}}' }, 400);
    }
    const limited = rateGate(user);
    if (limited) return limited;
    const outcome = await callTool(callDeps, user, name, args ?? {}, "rest");
    return c.json(restBody(name, outcome), REST_STATUS[outcome.outcome]);
  };

  app.post("/mcp", (c) => mcpPost(c, false));
  app.post("/mcp/call-tool", (c) => mcpPost(c, true));
  const notAllowed = (c: Context) =>
    c.json(jsonRpcError(-32000, "此端点为无状态 Streamable HTTP，只接受 POST / stateless Streamable HTTP endpoint: use POST"), 405, { Allow: "POST" });
  app.get("/mcp", notAllowed);
  app.delete("/mcp", notAllowed);
  mountSseRoutes(app, { sse, identify, notAllowed });

  app.get("/export/:file{[a-z_]+\\.(csv)}", async (c) => {
    const user = identify(c);
    if (user instanceof Response) return user;
    const limited = rateGate(user);
    if (limited) return limited;
    const table = c.req.param("file").replace(/\.csv$/, "");
    if (!canCall(user.role.role, "export_all_data") || !exposes(user.tools, "export_all_data")) {
      deps.metrics?.denial("export_all_data", user.role.role ?? user.role.raw);
      const message = canCall(user.role.role, "export_all_data") ? notExposedMessage("export_all_data") : deniedMessage(user.role, "export_all_data");
      return c.json({ success: false, error: "denied", message }, 403);
    }
    if (!Object.hasOwn(EXPORTABLE, table)) return c.json({ error: "not_found", message: `没有可导出的表 "${table}" / no exportable table "${table}"` }, 404);
    const scope = await resolveScope(deps.db, user, deps.config.scopedRoles);
    const chunks = exportCsvBytes(await scopeDatabase(deps.db, scope), table);
    // Pulled: the next page is made only when the client has taken this one (see exportCsvBytes).
    const stream = new ReadableStream<Uint8Array>({
      async pull(controller) {
        const next = await chunks.next();
        if (next.done) controller.close();
        else controller.enqueue(next.value);
      },
      async cancel() {
        await chunks.return(undefined);
      },
    });
    deps.log.info("export streamed", { table, email: user.email, user_id: user.id });
    return new Response(stream, {
      headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": `attachment; filename="${table}.csv"` },
    });
  });

  if (deps.metrics?.render) {
    const render = deps.metrics.render.bind(deps.metrics);
    app.get("/metrics", (c) => c.text(render(), 200, { "content-type": "text/plain; version=0.0.4; charset=utf-8" }));
  }

  app.notFound((c) => c.json({ error: "not_found", message: `没有这个路径 "${c.req.path}" / no such path "${c.req.path}"` }, 404));
  app.onError((error, c) => {
    deps.log.error("request failed", { path: c.req.path, error: error.message, stack: error.stack });
    return c.json({ error: "internal", message: `服务器内部错误 / internal server error: ${error.message}` }, 500);
  });
  return app;
}
