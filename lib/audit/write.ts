import type { Executor } from "../db/db.ts";
import type { Logger } from "../observability/log.ts";
import { boundJson } from "./bound.ts";

/** One audited event: a tool call (any outcome) or a refused identity. */
export interface AuditEntry {
  readonly transport: string;
  readonly user: {
    readonly id: string;
    readonly email: string;
    readonly role: { readonly raw: string; readonly role: string | null };
  };
  /** The tool name as asked for (`(identity)` for a refused identity). */
  readonly tool: string;
  readonly args: unknown;
  /** `ok`, `denied`, `invalid`, `error`, `not_found`, `conflict`, `unknown_tool`, `too_large`, `unauthorized`. */
  readonly outcome: string;
  readonly message?: string;
  readonly durationMs: number;
}

const MESSAGE_MAX = 1000;

const COLUMNS =
  "transport, user_id, email, role_raw, role, tool, arguments, arguments_bytes, outcome, message, duration_ms";
const TUPLE = "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

function auditValues(entry: AuditEntry): (string | number | null)[] {
  const args = boundJson(entry.args);
  const message = entry.message && entry.message.length > MESSAGE_MAX
    ? `${entry.message.slice(0, MESSAGE_MAX)}…`
    : entry.message ?? null;
  return [
    entry.transport,
    entry.user.id,
    entry.user.email,
    entry.user.role.raw,
    entry.user.role.role,
    entry.tool.slice(0, 200),
    args.text,
    args.bytes,
    entry.outcome,
    message,
    Math.round(entry.durationMs * 10) / 10,
  ];
}

/** Logs one "audit write failed" line per entry (with its user and tool), so no failed row is silent. */
export function logFailure(log: Logger, error: unknown, entries: readonly AuditEntry[]): void {
  for (const entry of entries) {
    log.error("audit write failed", {
      error: (error as Error)?.message,
      tool: entry.tool,
      transport: entry.transport,
      outcome: entry.outcome,
      user_id: entry.user.id,
      email: entry.user.email,
    });
  }
}

/**
 * Appends rows to `audit_log` in one statement. An audit failure must not fail the
 * call it describes: it is logged (with each entry) and swallowed. Never throws.
 */
export async function writeAudit(
  db: Executor,
  log: Logger,
  ...entries: AuditEntry[]
): Promise<void> {
  if (entries.length === 0) return;
  try {
    await insertAudit(db, entries);
  } catch (error) {
    logFailure(log, error, entries);
  }
}

/** Appends rows to `audit_log` in one statement; throws what the database throws. */
export async function insertAudit(db: Executor, entries: readonly AuditEntry[]): Promise<void> {
  if (entries.length === 0) return;
  await db.execute(
    `INSERT INTO audit_log (${COLUMNS}) VALUES ${entries.map(() => TUPLE).join(", ")}`,
    entries.flatMap(auditValues),
  );
}
