import type { Executor } from "../db.ts";
import { IDENTITY_HEADERS } from "../identity.ts";
import type { Logger } from "../log.ts";
import { writeAudit } from "./write.ts";

/**
 * Records a refused identity (401) in the audit log: the path and the identity
 * headers exactly as received (they could not be decoded). Never throws.
 */
export function auditRefusedIdentity(db: Executor, log: Logger, request: Request, reason: string): Promise<void> {
  const headers = Object.fromEntries(Object.values(IDENTITY_HEADERS).map((h) => [h, request.headers.get(h)]).filter(([, v]) => v !== null));
  const path = new URL(request.url).pathname;
  return writeAudit(db, log, {
    transport: "http",
    user: { id: "", email: "", role: { raw: "", role: null } },
    tool: "(identity)",
    args: { method: request.method, path, headers },
    outcome: "unauthorized",
    message: reason,
    durationMs: 0,
  });
}
