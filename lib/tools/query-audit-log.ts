import { z } from "zod";
import type { SqlValue } from "../db/db.ts";
import { defineTool } from "../call/define-tool.ts";

const OUTCOMES = [
  "ok",
  "denied",
  "invalid",
  "not_found",
  "conflict",
  "unknown_tool",
  "too_large",
  "error",
  "unauthorized",
] as const;

/** A date `YYYY-MM-DD` or an ISO date-time, as a UTC instant string comparable with audit_log.at; date-only bounds cover the whole day. */
const instant = (end: boolean) =>
  z.string().trim().max(40).transform((value, ctx) => {
    const dateOnly = /^\d{4}-\d{2}-\d{2}$/.test(value);
    const ms = Date.parse(dateOnly ? `${value}T00:00:00Z` : value);
    if (Number.isNaN(ms)) {
      ctx.addIssue({
        code: "custom",
        message: "须为 YYYY-MM-DD 或 ISO 时间（UTC）/ must be YYYY-MM-DD or an ISO date-time (UTC)",
      });
      return z.NEVER;
    }
    return new Date(dateOnly && end ? ms + 86_399_999 : ms).toISOString();
  });

const auditRow = z.object({
  id: z.number().int(),
  at: z.string(),
  transport: z.string(),
  user_id: z.string(),
  email: z.string(),
  role_raw: z.string(),
  role: z.string().nullable(),
  tool: z.string(),
  arguments: z.string().nullable().describe(
    "参数 JSON（超过 4 KB 截断）arguments as JSON, cut at 4 KB",
  ),
  arguments_bytes: z.number().int(),
  outcome: z.string(),
  message: z.string().nullable(),
  duration_ms: z.number(),
});

/** `query_audit_log` (ADMIN): who called which tool, when, with what, and how it ended; newest first, paged. */
export const queryAuditLog = defineTool({
  name: "query_audit_log",
  title: "查询审计日志 Query the audit log",
  description:
    "查询审计日志（每次工具调用一条），按用户、工具、结果、传输方式、时间（UTC）筛选，新的在前。 / Query the audit log " +
    "(one row per tool call) by user, tool, outcome, transport and time (UTC), newest first.",
  input: z.strictObject({
    user: z.string().trim().min(1).max(320).optional().describe(
      "用户 ID 或邮箱 / user id or email",
    ),
    tool: z.string().trim().min(1).max(200).optional(),
    outcome: z.enum(OUTCOMES).optional(),
    transport: z.string().trim().min(1).max(50).optional().describe("rest、streamable_http、sse"),
    since: instant(false).optional().describe("YYYY-MM-DD 或 ISO 时间，含 / inclusive"),
    until: instant(true).optional().describe("YYYY-MM-DD（整天）或 ISO 时间，含 / inclusive"),
    limit: z.number().int().min(1).max(500).default(50),
    offset: z.number().int().min(0).max(10_000_000).default(0),
  }),
  output: z.object({
    entries: z.array(auditRow),
    total: z.number().int(),
    next_offset: z.number().int().nullable(),
  }),
  group: "admin",
  toolset: "admin",
  annotations: { readOnlyHint: true, openWorldHint: false },
  async run(args, { db }) {
    const parts: string[] = [];
    const params: SqlValue[] = [];
    if (args.user) {
      (parts.push("(user_id = ? OR lower(email) = lower(?))"), params.push(args.user, args.user));
    }
    if (args.tool) (parts.push("tool = ?"), params.push(args.tool));
    if (args.outcome) (parts.push("outcome = ?"), params.push(args.outcome));
    if (args.transport) (parts.push("transport = ?"), params.push(args.transport));
    if (args.since) (parts.push("at >= ?"), params.push(args.since));
    if (args.until) (parts.push("at <= ?"), params.push(args.until));
    const where = parts.length ? `WHERE ${parts.join(" AND ")}` : "";
    const total = Number(
      (await db.execute(`SELECT count(*) AS n FROM audit_log ${where}`, params)).rows[0].n,
    );
    const rs = await db.execute(
      `SELECT * FROM audit_log ${where} ORDER BY id DESC LIMIT ? OFFSET ?`,
      [...params, args.limit, args.offset],
    );
    const entries = rs.rows as z.infer<typeof auditRow>[];
    const next = args.offset + entries.length < total ? args.offset + entries.length : null;
    const lines = entries.map((e) =>
      `| ${e.id} | ${e.at} | ${e.email || e.user_id || "—"} | ${
        e.role ?? `(${e.role_raw})`
      } | ${e.tool} | ${e.outcome} | ${e.duration_ms} |`
    );
    const text = entries.length === 0 ? "没有符合条件的审计记录。 / No audit rows match." : [
      `共 ${total} 条，显示 ${entries.length} 条。 / ${total} rows match, showing ${entries.length}.` +
      (next !== null ? ` offset=${next} 查看更多 for more.` : ""),
      "",
      "| ID | 时间 At (UTC) | 用户 User | 角色 Role | 工具 Tool | 结果 Outcome | ms |",
      "|---|---|---|---|---|---|---|",
      ...lines,
    ].join("\n");
    return { structured: { entries, total, next_offset: next }, text };
  },
});
