import type { Executor, Row } from "../db/db.ts";

/** Who a grant is for: a user by X-User-ID, or every user of a permission role. */
export interface Principal {
  readonly kind: "user" | "role";
  readonly id: string;
}

/** One stored grant. */
export interface Grant {
  readonly id: number;
  readonly principal_kind: "user" | "role";
  readonly principal: string;
  readonly email: string | null;
  readonly grant_kind: "block" | "well";
  readonly value: string;
  readonly granted_by: string;
  readonly granted_at: string;
}

/** A grant row as stored (for history). */
export function toGrant(row: Row): Grant {
  return {
    id: Number(row.id),
    principal_kind: row.principal_kind as Grant["principal_kind"],
    principal: String(row.principal),
    email: row.email === null ? null : String(row.email),
    grant_kind: row.grant_kind as Grant["grant_kind"],
    value: String(row.value),
    granted_by: String(row.granted_by),
    granted_at: String(row.granted_at),
  };
}

/**
 * The blocks and wells granted to user `userId` directly or through `role`, read now (so a
 * grant or revoke applies to the very next request). An empty user id matches no user grant.
 */
export async function grantedTo(
  db: Executor,
  userId: string,
  role: string | null,
): Promise<{ blocks: string[]; wells: string[] }> {
  const rs = await db.execute(
    `SELECT DISTINCT grant_kind, value FROM access_grants
     WHERE (principal_kind = 'user' AND principal = ? AND ? <> '') OR (principal_kind = 'role' AND principal = ?)
     ORDER BY grant_kind, value`,
    [userId, userId, role ?? ""],
  );
  const of = (kind: string) =>
    rs.rows.filter((r) => r.grant_kind === kind).map((r) => String(r.value));
  return { blocks: of("block"), wells: of("well") };
}

/** Every grant, or those of one principal, in a stable order. */
export async function listGrants(db: Executor, principal?: Principal): Promise<Grant[]> {
  const rs = principal
    ? await db.execute(
      "SELECT * FROM access_grants WHERE principal_kind = ? AND principal = ? ORDER BY grant_kind, value",
      [principal.kind, principal.id],
    )
    : await db.execute(
      "SELECT * FROM access_grants ORDER BY principal_kind, principal, grant_kind, value",
    );
  return rs.rows.map(toGrant);
}
