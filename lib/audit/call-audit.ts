import type { CallDeps, CallOutcome } from "../call/call.ts";
import type { User } from "../identity/identity.ts";
import { writeAudit } from "./write.ts";

/** Records one finished tool call in the audit log (never throws; a failed write is logged). */
export function auditCall(
  deps: CallDeps,
  user: User,
  name: string,
  args: unknown,
  transport: string,
  outcome: CallOutcome,
  ms: number,
): Promise<void> {
  const entry = {
    transport,
    user,
    tool: name,
    args,
    outcome: outcome.outcome,
    message: outcome.outcome === "ok" ? undefined : outcome.message,
    durationMs: ms,
  };
  return deps.audit ? deps.audit.write(entry) : writeAudit(deps.db, deps.log, entry);
}
