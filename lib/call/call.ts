/**
 * The call pipeline: one path for every transport (MCP, SSE, REST) from a tool name and
 * arguments to an outcome, with permission, input screening, zod validation, the caller's data
 * scope, the tool's run, charts, metrics and one audit row per call. Also how a tool is defined
 * (define-tool.ts), the size limits and the typed tool errors.
 *
 * @module
 */
import type { z } from "zod";
import { auditCall } from "../audit/call-audit.ts";
import type { AuditSink } from "../audit/sink.ts";
import { safeJson } from "../audit/bound.ts";
import { attachCharts } from "../charts/attach.ts";
import type { ChartsMode } from "../charts/forms.ts";
import type { Role } from "../config/config.ts";
import { dbFaultMessage } from "../db/faults.ts";
import type { Db } from "../db/db.ts";
import type { User } from "../identity/identity.ts";
import type { Logger } from "../observability/log.ts";
import { screenArguments } from "./input-screen.ts";
import { resultTooLarge } from "./limits.ts";
import { canCall, deniedMessage, hasGroup, resolveScope } from "../permissions.ts";
import type { ToolGroup } from "../permissions.ts";
import { exposes, notExposedMessage } from "../mcp/toolsets.ts";
import type { ToolRegistry } from "../mcp/registry.ts";
import { scopeDatabase } from "../scope/scoped-db.ts";
import { ToolError } from "./tool-error.ts";
import type { ProgressNotifier, ToolAnswer } from "./define-tool.ts";

/** How a call ended; `ok` carries the tool's answer, every other outcome a bilingual message. */
export type CallOutcome =
  | { readonly outcome: "ok"; readonly answer: ToolAnswer<unknown> }
  | {
    readonly outcome:
      | "denied"
      | "invalid"
      | "not_found"
      | "conflict"
      | "unknown_tool"
      | "too_large"
      | "error";
    readonly message: string;
  };

/** Counters the call pipeline reports to (see lib/observability/metrics.ts). */
export interface CallMetrics {
  toolCall(tool: string, role: string): void;
  denial(tool: string, role: string): void;
  observe(transport: string, outcome: string, seconds: number): void;
  error(kind: string): void;
}

/** What a call needs from the server. */
export interface CallDeps {
  readonly db: Db;
  readonly tools: ToolRegistry;
  readonly log: Logger;
  readonly metrics?: CallMetrics;
  readonly now?: () => Date;
  /** IANA zone for relative date words; Asia/Shanghai when absent. */
  readonly timeZone?: string;
  /** Chart forms to send (config CHARTS); both when absent. */
  readonly charts?: ChartsMode;
  /** Roles that see only their granted wells (config SCOPED_ROLES); none when absent. */
  readonly scopedRoles?: readonly Role[];
  /** Group-committing audit writer; without it each call writes its own audit row. */
  readonly audit?: AuditSink;
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let v = input;
  for (const key of path) {
    v = v && typeof v === "object" ? (v as Record<PropertyKey, unknown>)[key] : undefined;
  }
  return v;
}

/** `参数无效 / invalid arguments: "limit" = 5000: Too big…` for every issue, naming each field and its value. */
export function invalidArgumentsMessage(error: z.ZodError, input: unknown): string {
  const lines = error.issues.map((issue) => {
    const field = issue.path.length ? issue.path.join(".") : "(arguments)";
    const keys = issue.code === "unrecognized_keys"
      ? `: ${issue.keys.map((k) => `"${k}"`).join(", ")}`
      : "";
    let value = issue.code === "unrecognized_keys" ? undefined : valueAt(input, issue.path);
    if (typeof value === "string" && value.length > 80) value = `${value.slice(0, 80)}…`;
    const shown = value === undefined ? "" : ` = ${safeJson(value)}`;
    return `"${field}"${shown}: ${issue.message}${keys}`;
  });
  return `参数无效，请按工具的输入格式修正 / invalid arguments, fix them to match the tool's input schema: ${
    lines.join("; ")
  }`;
}

/**
 * Runs one tool call for `user`: permission check, argument validation, the tool,
 * then one log line, the metrics and one audit row. Never throws: every failure is an outcome.
 */
export async function callTool(
  deps: CallDeps,
  user: User,
  name: string,
  args: unknown,
  transport: string,
  progress?: ProgressNotifier,
): Promise<CallOutcome> {
  const started = performance.now();
  const role = user.role.role ?? user.role.raw;
  let outcome: CallOutcome;
  const tool = deps.tools.get(name);
  if (!tool) {
    outcome = {
      outcome: "unknown_tool",
      message:
        `未知工具 "${name}"：请用 tools/list 查看可用工具 / unknown tool "${name}": use tools/list to see the tools`,
    };
  } else if (!canCall(user.role.role, name)) {
    outcome = { outcome: "denied", message: deniedMessage(user.role, name) };
    deps.metrics?.denial(name, role || "none");
  } else if (!exposes(user.tools, name)) {
    // The role may, but this deployment or endpoint does not expose the tool: unlisted, and refused alike.
    outcome = { outcome: "denied", message: notExposedMessage(name) };
    deps.metrics?.denial(name, role || "none");
  } else {
    deps.metrics?.toolCall(name, role);
    const screened = screenArguments(args, tool.maxArgumentBytes);
    const parsed = screened ? null : tool.input.safeParse(args ?? {});
    if (!parsed) outcome = screened as NonNullable<typeof screened>;
    else if (!parsed.success) {
      outcome = { outcome: "invalid", message: invalidArgumentsMessage(parsed.error, args) };
    } else {
      try {
        // The scope is read once per call, before the tool runs; the tool only ever gets the scoped database.
        const scope = await resolveScope(deps.db, user, deps.scopedRoles ?? []);
        const ctx = {
          db: await scopeDatabase(deps.db, scope),
          scope,
          scopedRoles: deps.scopedRoles ?? [],
          user,
          hasGroup: (group: ToolGroup) => hasGroup(user.role.role, group),
          log: deps.log,
          now: deps.now ?? (() => new Date()),
          timeZone: deps.timeZone ?? "Asia/Shanghai",
          ...(progress ? { progress } : {}),
        };
        const answer = await tool.run(parsed.data, ctx);
        // The limit is on the data; the charts drawn from it (about 70 KB of HTML each) come after.
        const oversize = resultTooLarge(name, answer);
        outcome = oversize
          ? { outcome: "too_large", message: oversize }
          : { outcome: "ok", answer: attachCharts(answer, deps.charts ?? "both", name) };
      } catch (error) {
        if (error instanceof ToolError) {
          outcome = {
            outcome: error.kind === "forbidden" ? "denied" : error.kind,
            message: error.message,
          };
        } else {
          const e = error as Error;
          deps.log.error("tool failed", { tool: name, error: e?.message, stack: e?.stack });
          const fault = dbFaultMessage(error);
          outcome = {
            outcome: "error",
            message: fault ??
              `工具 "${name}" 执行出错，请稍后重试或联系管理员 / tool "${name}" failed: ${
                e?.message ?? String(error)
              }`,
          };
        }
      }
    }
  }
  const seconds = (performance.now() - started) / 1000;
  deps.metrics?.observe(transport, outcome.outcome, seconds);
  if (outcome.outcome !== "ok") deps.metrics?.error(outcome.outcome);
  const level = outcome.outcome === "ok" ? "info" : outcome.outcome === "error" ? "error" : "warn";
  deps.log[level](
    outcome.outcome === "ok" ? "执行成功 tool call succeeded" : `tool call ${outcome.outcome}`,
    {
      tool: name,
      transport,
      user_id: user.id,
      email: user.email,
      role_raw: user.role.raw,
      role: user.role.role,
      allowed: canCall(user.role.role, name) && exposes(user.tools, name),
      outcome: outcome.outcome,
      ms: Math.round(seconds * 10000) / 10,
    },
  );
  await auditCall(deps, user, name, args, transport, outcome, seconds * 1000);
  return outcome;
}
