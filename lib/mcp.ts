import { Server } from "@modelcontextprotocol/sdk/server/index.js";
import {
  CallToolRequestSchema, ErrorCode, ListResourcesRequestSchema, ListToolsRequestSchema, McpError, ReadResourceRequestSchema,
} from "@modelcontextprotocol/sdk/types.js";
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import type { AuthInfo } from "@modelcontextprotocol/sdk/server/auth/types.js";
import type { jsonSchemaValidator } from "@modelcontextprotocol/sdk/validation";
import { callTool } from "./call.ts";
import { chartResourcesFor, readChartResource } from "./charts/app-resource.ts";
import type { CallDeps, CallOutcome } from "./call.ts";
import type { User } from "./identity.ts";

/** Name and version the server reports in `initialize`. */
export const SERVER_INFO = { name: "oilfield-mcp", title: "油田钻井数据MCP Server", version: "0.1.0" } as const;

/**
 * Shown to the model on `initialize` (LibreChat adds it to the system prompt with `serverInstructions: true`): the few
 * rules that hold for every tool, so no tool description repeats them. Chinese only, like the descriptions' default.
 */
export const SERVER_INSTRUCTIONS =
  "油田钻井数据服务：钻井工程日报、油井基础信息、重点井试采和钻前进度的查询与分析。井号照用户的写法传入（如 石南201、102井）；" +
  "日期可写 昨天、上周、本月、最近7天 或 2026-11-01~2026-11-07。每个回答的文字已含结论、数字、表格和下一步，大结果会说明如何缩小范围。" +
  "只列出当前用户的角色可用的工具；回答“权限不足”时原样告诉用户。";

/** What {@link createMcpServer} needs: the call pipeline's parts and the caller. */
export interface McpServerOptions {
  readonly deps: CallDeps;
  /** The caller of every request (an SSE session); without it each request names its caller in {@link mcpAuthInfo}. */
  readonly user?: User;
  /** Label for logs and metrics (`streamable_http`, `sse`). */
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
    throw new McpError(ErrorCode.InvalidParams, outcome.message);
  }
  return { content: [{ type: "text", text: outcome.message }], isError: true };
}

/** The auth info that carries `user` to a shared server's handlers (see lib/http/mcp-relay.ts). */
export function mcpAuthInfo(user: User): AuthInfo {
  return { token: "", clientId: user.id, scopes: [], extra: { user } };
}

function callerOf(options: McpServerOptions, authInfo: AuthInfo | undefined): User {
  const user = options.user ?? (authInfo?.extra?.user as User | undefined);
  if (!user) throw new McpError(ErrorCode.InternalError, "服务器未识别调用者 / the server did not identify the caller of this request");
  return user;
}

/**
 * An MCP server for one caller, or for every caller when each request carries its own: `tools/list` shows only the caller's tools (lists
 * precomputed per role), `tools/call` runs the shared call pipeline.
 */
export function createMcpServer(options: McpServerOptions): Server {
  const { deps, transport } = options;
  const server = new Server(SERVER_INFO, {
    capabilities: { tools: { listChanged: false }, resources: { listChanged: false } },
    instructions: SERVER_INSTRUCTIONS,
    ...(options.jsonSchemaValidator ? { jsonSchemaValidator: options.jsonSchemaValidator } : {}),
  });
  const toolsOf = (authInfo: AuthInfo | undefined) => {
    const caller = callerOf(options, authInfo);
    return deps.tools.listFor(caller.role.role, caller.tools);
  };
  server.setRequestHandler(ListToolsRequestSchema, (_request, extra) => ({ tools: [...toolsOf(extra.authInfo)] }));
  // The ui:// chart view, listed and readable only by callers whose tools declare it.
  server.setRequestHandler(ListResourcesRequestSchema, (_request, extra) => ({ resources: chartResourcesFor(toolsOf(extra.authInfo)) }));
  server.setRequestHandler(ReadResourceRequestSchema, (request, extra) => {
    const contents = readChartResource(request.params.uri, toolsOf(extra.authInfo));
    if (!contents) {
      throw new McpError(-32002, `没有这个资源 "${request.params.uri}"：请用 resources/list 查看 / resource not found "${request.params.uri}": see resources/list`);
    }
    return { contents };
  });
  server.setRequestHandler(CallToolRequestSchema, async (request, extra) =>
    toCallToolResult(await callTool(deps, callerOf(options, extra.authInfo), request.params.name, request.params.arguments ?? {}, transport)));
  return server;
}
