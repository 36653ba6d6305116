import { Hono } from "hono";
import type { Context, MiddlewareHandler } from "hono";
import { auditRefusedIdentity } from "./audit/identity-audit.ts";
import { createAuditSink } from "./audit/sink.ts";
import type { AuditSink } from "./audit/sink.ts";
import { callTool } from "./call/call.ts";
import type { CallMetrics } from "./call/call.ts";
import type { Config } from "./config/config.ts";
import type { Db } from "./db/db.ts";
import { EXPORTABLE, exportCsvBytes, exportNdjsonBytes } from "./data/export.ts";
import { dbFaultMessage, dbFaultOf } from "./db/faults.ts";
import { bearerAuth } from "./http/bearer-auth.ts";
import { errorHandler, HttpError, httpErrorResponse, jsonRpcErrorResponse } from "./http/errors.ts";
import { endpointTools, identity } from "./identity/middleware.ts";
import { jsonBody } from "./http/json-body.ts";
import { checkJsonRpc } from "./http/jsonrpc-check.ts";
import { hostGuard } from "./http/host-guard.ts";
import { wellKnownNotFound } from "./http/public-paths.ts";
import { createRateGate, isToolCall } from "./http/rate-gate.ts";
import { isJsonRpc, REST_STATUS, restBody } from "./http/rest.ts";
import { mountSseRoutes } from "./mcp/sse-routes.ts";
import type { SseSession } from "./mcp/sse.ts";
import {
  createSseHandlers,
  keepAliveMsFor,
  sseQueueLimitsFromConfig,
  sseStoreFromConfig,
} from "./mcp/sse.ts";
import type { SseSessionStore } from "./mcp/sse-sessions.ts";
import { createStreamableHandler } from "./mcp/streamable.ts";
import { IDENTITY_HEADERS } from "./identity/identity.ts";
import type { Logger } from "./observability/log.ts";
import { canCall, deniedMessage, resolveScope } from "./permissions.ts";
import { createToolRegistry } from "./mcp/registry.ts";
import { scopeDatabase } from "./scope/scoped-db.ts";
import type { ToolRegistry } from "./mcp/registry.ts";
import { TOOLS } from "./tools/index.ts";
import { exposes, notExposedMessage } from "./mcp/toolsets.ts";

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

/**
 * The whole HTTP surface: MCP over Streamable HTTP at `/mcp` (and JSON-RPC on
 * `/mcp/call-tool`), REST for operators, health. Every route but `/health` and the anonymous
 * catalogue reads the caller through the identity middleware (`c.var.user`); every refusal is an
 * {@link HttpError} answered by the one `onError`, in the shape of its surface (lib/http/errors.ts).
 */
export function createApp(deps: AppDeps): Hono {
  const tools = deps.tools ??
    createToolRegistry(TOOLS, { charts: deps.config.charts, language: deps.config.toolLanguage });
  const audit = deps.audit ?? createAuditSink(deps.db, deps.log);
  const callDeps = {
    db: deps.db,
    tools,
    log: deps.log,
    metrics: deps.metrics,
    now: deps.now,
    timeZone: deps.config.timeZone,
    scopedRoles: deps.config.scopedRoles,
    charts: deps.config.charts,
    audit,
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
  const caller = identity({
    roleMap: deps.config.roleMap,
    tools: deps.config.tools,
    onRefused: (c, reason) => {
      deps.log.warn("identity refused", { path: c.req.path, reason });
      deps.metrics?.error("unauthorized");
      void auditRefusedIdentity(audit, c.req.raw, reason);
    },
  });
  const body = jsonBody({ maxBytes: deps.config.maxBodyBytes });

  /** Without identity headers, `GET /mcp/tools` is the whole catalogue (narrowed by `?tools=`). */
  const anonymousCatalogue: MiddlewareHandler = async function anonymousCatalogue(c, next) {
    if (Object.values(IDENTITY_HEADERS).some((h) => c.req.header(h) !== undefined)) return next();
    const exposed = endpointTools(c, deps.config.tools);
    return c.json({ tools: tools.catalogue().filter((t) => exposes(exposed, t.name)) });
  };

  /** With them, the caller's tools only. */
  const callersCatalogue = (c: Context) => {
    const user = c.var.user;
    const mine = new Set(tools.listFor(user.role.role, user.tools).map((t) => t.name));
    return c.json({
      role: user.role.role,
      role_raw: user.role.raw,
      tools: tools.catalogue().filter((t) => mine.has(t.name)),
    });
  };

  /** One MCP message (JSON-RPC, already parsed) for the stateless Streamable HTTP server. */
  const mcpMessage = (c: Context) => {
    const message = c.var.jsonBody;
    const refusal = checkJsonRpc(message);
    if (refusal) throw refusal;
    const limited = isToolCall(message) ? rateGate(c.var.user, { id: message.id }) : null;
    if (limited) throw limited;
    return streamable(c.req.raw, message, c.var.user);
  };

  /** `POST /mcp/call-tool?sessionId=…` is a legacy SSE message: its session reads the body. */
  const sseMessage: MiddlewareHandler = async function sseMessage(c, next) {
    const sessionId = c.req.query("sessionId");
    if (sessionId !== undefined) return sse.post(c.req.raw, sessionId, c.var.user);
    await next();
  };

  /** `POST /mcp/call-tool`: the guide's REST call `{name, arguments}`, or a JSON-RPC body, which is MCP. */
  const callToolPost = async (c: Context) => {
    if (isJsonRpc(c.var.jsonBody)) return mcpMessage(c);
    const user = c.var.user;
    const { name, arguments: args } = (c.var.jsonBody ?? {}) as {
      name?: unknown;
      arguments?: unknown;
    };
    if (typeof name !== "string" || name === "") {
      throw new HttpError({
        status: 400,
        code: "invalid",
        message:
          '请求体须为 {"name": "工具名", "arguments": {...}} / body must be {"name": "tool", "arguments": {...}}',
      });
    }
    const limited = rateGate(user);
    if (limited) throw limited;
    const outcome = await callTool(callDeps, user, name, args ?? {}, "rest");
    return c.json(restBody(name, outcome), REST_STATUS[outcome.outcome]);
  };

  const notAllowed = () =>
    jsonRpcErrorResponse(
      405,
      -32000,
      "此端点为无状态 Streamable HTTP，只接受 POST / stateless Streamable HTTP endpoint: use POST",
      null,
      { Allow: "POST" },
    );

  const app = new Hono();
  app.onError(errorHandler(deps.log));
  app.notFound((c) =>
    httpErrorResponse(
      404,
      "not_found",
      `没有这个路径 "${c.req.path}" / no such path "${c.req.path}"`,
    )
  );
  app.use(
    "*",
    hostGuard({
      allowedHosts: deps.config.allowedHosts,
      bindHost: deps.config.host,
      log: deps.log,
    }),
  );
  if (deps.config.authToken) app.use("*", bearerAuth(deps.config.authToken, deps.log));
  app.all("/.well-known/*", (c) => wellKnownNotFound(c.req.path));

  app.get("/health", async (c) => {
    try {
      // The count is kept by migration 010's triggers: one row read, not a count of every report;
      // the probe still reads drilling_daily, so a missing or broken table answers unhealthy.
      const rs = await deps.db.execute(
        "SELECT (SELECT n FROM live_counts WHERE name = 'drilling_daily') AS n, (SELECT 1 FROM drilling_daily LIMIT 1) AS probe",
      );
      const n = rs.rows[0].n;
      if (n === null || n === undefined) {
        throw new Error("live_counts has no row for drilling_daily: run the migrations");
      }
      return c.json({ status: "healthy", database: "connected", total_records: Number(n) });
    } catch (error) {
      deps.log.error("health check failed", { error: (error as Error).message });
      return c.json({
        status: "unhealthy",
        database: "error",
        fault: dbFaultOf(error),
        error: dbFaultMessage(error) ?? (error as Error).message,
      }, 503);
    }
  });
  app.get("/mcp/tools", anonymousCatalogue, caller, callersCatalogue);
  app.post("/mcp", caller, body, mcpMessage);
  app.post("/mcp/call-tool", caller, sseMessage, body, callToolPost);
  app.get("/mcp", notAllowed);
  app.delete("/mcp", notAllowed);
  mountSseRoutes(app, { sse, identity: caller, notAllowed });

  app.get("/export/:file{[a-z_]+\\.(csv|ndjson)}", caller, async (c) => {
    const user = c.var.user;
    const limited = rateGate(user);
    if (limited) throw limited;
    const [table, extension] = c.req.param("file").split(".");
    const ndjson = extension === "ndjson";
    // One audit row per download: a refusal at once, a download when it ends (whole or cut short).
    const auditExport = (
      outcome: "ok" | "error" | "denied",
      message: string | undefined,
      durationMs: number,
    ) =>
      void audit.write({
        transport: "rest",
        user,
        tool: "export_all_data",
        args: { download: c.req.path },
        outcome,
        message,
        durationMs,
      });
    const allowed = canCall(user.role.role, "export_all_data");
    if (!allowed || !exposes(user.tools, "export_all_data")) {
      deps.metrics?.denial("export_all_data", user.role.role ?? user.role.raw);
      const message = allowed
        ? notExposedMessage("export_all_data")
        : deniedMessage(user.role, "export_all_data");
      auditExport("denied", message, 0);
      throw new HttpError({ status: 403, code: "denied", message });
    }
    if (!Object.hasOwn(EXPORTABLE, table)) {
      throw new HttpError({
        status: 404,
        code: "not_found",
        message: `没有可导出的表 "${table}" / no exportable table "${table}"`,
      });
    }
    const scope = await resolveScope(deps.db, user, deps.config.scopedRoles);
    const scoped = await scopeDatabase(deps.db, scope);
    const chunks = ndjson ? exportNdjsonBytes(scoped, table) : exportCsvBytes(scoped, table);
    const started = performance.now();
    let audited = false;
    const auditDownload = (outcome: "ok" | "error", message?: string) => {
      if (audited) return;
      audited = true;
      auditExport(outcome, message, performance.now() - started);
    };
    // Pulled: the next page is made only when the client has taken this one (see exportCsvBytes).
    const stream = new ReadableStream<Uint8Array>({
      async pull(controller) {
        let next: IteratorResult<Uint8Array>;
        try {
          next = await chunks.next();
        } catch (error) {
          auditDownload("error", `导出中断 / the export failed: ${(error as Error).message}`);
          throw error;
        }
        if (next.done) {
          auditDownload("ok");
          controller.close();
        } else controller.enqueue(next.value);
      },
      async cancel() {
        auditDownload(
          "error",
          "下载在完成前被客户端中止 / the client stopped the download before its end",
        );
        await chunks.return(undefined);
      },
    });
    deps.log.info("export streamed", {
      table,
      format: extension,
      email: user.email,
      user_id: user.id,
    });
    return new Response(stream, {
      headers: {
        "content-type": ndjson ? "application/x-ndjson; charset=utf-8" : "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="${table}.${extension}"`,
      },
    });
  });

  if (deps.metrics?.render) {
    const render = deps.metrics.render.bind(deps.metrics);
    app.get(
      "/metrics",
      (c) => c.text(render(), 200, { "content-type": "text/plain; version=0.0.4; charset=utf-8" }),
    );
  }
  return app;
}
