/**
 * MCP: the per-request SDK server (both protocol eras), the tool registry with its per-role
 * lists, toolsets and the tool-description language, and the two transports: Streamable HTTP
 * (streamable.ts) and the legacy HTTP+SSE (sse*.ts).
 *
 * @module
 */
import {
  ProtocolError,
  ProtocolErrorCode,
  ResourceNotFoundError,
  Server,
} from "@modelcontextprotocol/server";
import type {
  AuthInfo,
  CacheHint,
  CallToolResult,
  jsonSchemaValidator,
} from "@modelcontextprotocol/server";
import { auditCall } from "../audit/call-audit.ts";
import { callTool } from "../call/call.ts";
import { chartResourcesFor, readChartResource } from "../charts/app-resource.ts";
import type { CallDeps, CallOutcome } from "../call/call.ts";
import type { User } from "../identity/identity.ts";
import { purgeRound } from "./purge-confirm.ts";
import { SERVER_VERSION } from "../server/version.ts";

/** Name and version the server reports in `initialize` and `server/discover`. */
export const SERVER_INFO = {
  name: "oilfield-mcp",
  title: "油田钻井数据MCP Server",
  version: SERVER_VERSION,
} as const;

/**
 * Shown to the model on `initialize` (LibreChat adds it to the system prompt with `serverInstructions: true`): the few
 * rules that hold for every tool, so no tool description repeats them. Chinese only, like the descriptions' default.
 */
export const SERVER_INSTRUCTIONS =
  "油田钻井数据服务：钻井工程日报、油井基础信息、重点井试采和钻前进度的查询与分析。井号照用户的写法传入（如 石南201、102井）；" +
  "日期可写 昨天、上周、本月、最近7天 或 2026-11-01~2026-11-07。每个回答的文字已含结论、数字、表格和下一步，大结果会说明如何缩小范围。" +
  "只列出当前用户的角色可用的工具；回答“权限不足”时原样告诉用户。";

/**
 * How long a 2026-07-28 client may reuse `tools/list`, `resources/list` and `server/discover`. The lists
 * depend on the caller's role, so they are `private`: a client keeps them per principal and a shared
 * cache (a gateway) must not serve them to anyone else. They change only on restart (new ROLE_MAP or release).
 */
export const LIST_CACHE_HINT: CacheHint = { ttlMs: 300_000, cacheScope: "private" };

/** What {@link createMcpServer} needs: the call pipeline's parts and the caller. */
export interface McpServerOptions {
  readonly deps: CallDeps;
  /** The caller of every request this server answers (one HTTP request, or one SSE session). */
  readonly user: User;
  /** Label for logs, metrics and audit rows (`streamable_http`, `sse`). */
  readonly transport: string;
  /** A JSON Schema validator shared by every server (building one per request is costly). */
  readonly jsonSchemaValidator?: jsonSchemaValidator;
}

/** Maps a call outcome onto an MCP tool result; invalid arguments and unknown tools are JSON-RPC errors (-32602). */
export function toCallToolResult(outcome: CallOutcome): CallToolResult {
  if (outcome.outcome === "ok") {
    const { text, structured, extra = [] } = outcome.answer;
    return {
      content: [{ type: "text", text }, ...(extra as CallToolResult["content"])],
      structuredContent: structured as Record<string, unknown>,
    };
  }
  if (outcome.outcome === "invalid" || outcome.outcome === "unknown_tool") {
    throw new ProtocolError(ProtocolErrorCode.InvalidParams, outcome.message);
  }
  return { content: [{ type: "text", text: outcome.message }], isError: true };
}

/** The auth info that carries the caller (read from the identity headers) to the SDK's per-request server factory. */
export function mcpAuthInfo(user: User): AuthInfo {
  return { token: "", clientId: user.id, scopes: [], extra: { user } };
}

/** The caller {@link mcpAuthInfo} put in `authInfo`; throws when there is none (the handler was called without one). */
export function callerOf(authInfo: AuthInfo | undefined): User {
  const user = authInfo?.extra?.user as User | undefined;
  if (!user) {
    throw new ProtocolError(
      ProtocolErrorCode.InternalError,
      "服务器未识别调用者 / the server did not identify the caller of this request",
    );
  }
  return user;
}

/**
 * An MCP server for one caller (SDK v2, both protocol eras): `tools/list` shows only the caller's tools (lists
 * precomputed per role, so building a server per request costs only its handler table), `tools/call` runs the
 * shared call pipeline.
 */
export function createMcpServer(options: McpServerOptions): Server {
  const { deps, transport, user } = options;
  // The low-level Server: the tool lists and their JSON Schemas are precomputed per role by the registry, so
  // McpServer's per-tool registration (schema conversion on every request) would only add cost.
  const server = new Server(SERVER_INFO, {
    capabilities: { tools: { listChanged: false }, resources: { listChanged: false } },
    instructions: SERVER_INSTRUCTIONS,
    cacheHints: {
      "tools/list": LIST_CACHE_HINT,
      "resources/list": LIST_CACHE_HINT,
      "resources/templates/list": LIST_CACHE_HINT,
      "server/discover": LIST_CACHE_HINT,
    },
    ...(options.jsonSchemaValidator ? { jsonSchemaValidator: options.jsonSchemaValidator } : {}),
  });
  const tools = () => deps.tools.listFor(user.role.role, user.tools);
  server.setRequestHandler("tools/list", () => ({ tools: [...tools()] }));
  // The ui:// chart view, listed and readable only by callers whose tools declare it.
  server.setRequestHandler("resources/list", () => ({ resources: chartResourcesFor(tools()) }));
  // Declaring resources means answering every resources method; the server has no templates.
  server.setRequestHandler("resources/templates/list", () => ({ resourceTemplates: [] }));
  server.setRequestHandler("resources/read", (request) => {
    const contents = readChartResource(request.params.uri, tools());
    if (!contents) {
      throw new ResourceNotFoundError(
        request.params.uri,
        `没有这个资源 "${request.params.uri}"：请用 resources/list 查看 / resource not found "${request.params.uri}": see resources/list`,
      );
    }
    return { contents };
  });
  server.setRequestHandler("tools/call", async (request, ctx) => {
    const { name, arguments: args = {} } = request.params;
    const round = purgeRound(name, args, user, {
      modern: ctx.mcpReq.envelope !== undefined,
      capabilities: server.getClientCapabilities(),
      inputResponses: ctx.mcpReq.inputResponses,
    });
    if (round.kind === "ask") return round.result;
    if (round.kind === "declined") {
      await auditCall(deps, user, name, args, transport, {
        outcome: "invalid",
        message: round.message,
      }, 0);
      return { content: [{ type: "text", text: round.message }], isError: true };
    }
    // Progress rides on a 2026-07-28 call's own response (upgraded to SSE). Not on 2025-era calls: their JSON answers
    // cannot carry it, and the v1 client (LibreChat's) loses notifications that arrive in the same chunk as the result.
    const token = ctx.mcpReq.envelope ? ctx.mcpReq._meta?.progressToken : undefined;
    const progress = token === undefined
      ? undefined
      : (done: number, total: number, message: string) =>
        void ctx.mcpReq.notify({
          method: "notifications/progress",
          params: { progressToken: token, progress: done, total, message },
        }).catch(() => {});
    return toCallToolResult(await callTool(deps, user, name, round.args, transport, progress));
  });
  return server;
}
