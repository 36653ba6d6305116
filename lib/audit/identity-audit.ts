import { IDENTITY_HEADERS } from "../identity/identity.ts";
import type { AuditSink } from "./sink.ts";

/**
 * Records a refused identity (401) in the audit log: the path and the identity
 * headers exactly as received (they could not be decoded), through `sink`. Never throws.
 */
export function auditRefusedIdentity(
  sink: AuditSink,
  request: Request,
  reason: string,
): Promise<void> {
  const headers = Object.fromEntries(
    Object.values(IDENTITY_HEADERS).map((h) => [h, request.headers.get(h)]).filter(([, v]) =>
      v !== null
    ),
  );
  const path = new URL(request.url).pathname;
  return sink.write({
    transport: "http",
    user: { id: "", email: "", role: { raw: "", role: null } },
    tool: "(identity)",
    args: { method: request.method, path, headers },
    outcome: "unauthorized",
    message: reason,
    durationMs: 0,
  });
}
