import type { Executor } from "../db/db.ts";
import type { User } from "../identity/identity.ts";
import { scopeOf } from "../scope/data-scope.ts";
import { visibleWellSql } from "../scope/visible-sql.ts";

/** Given the wells a write touches, the ones the caller may not write. */
export type ScopeCheck = (wellIds: readonly string[]) => Promise<ReadonlySet<string>>;

/**
 * The wells among `wellIds` that the caller may not write: none on an every-well database;
 * on a scoped one (ctx.db of a SCOPED_ROLES caller) every well outside the grants, whether it
 * exists or not (a new well is writable only once granted, by well or through its block in the
 * master). The save tools call it with every well a write touches before anything is written;
 * the scoped executor's write guard stays behind it as a backstop.
 */
export function wellScopeCheck(db: Executor, _user: User): ScopeCheck {
  const scope = scopeOf(db);
  return async (wellIds) => {
    if (!scope || wellIds.length === 0) return new Set<string>();
    const rs = await db.execute(
      `SELECT value FROM json_each(?) WHERE NOT ${visibleWellSql(scope, "value")}`,
      [JSON.stringify(wellIds)],
    );
    return new Set(rs.rows.map((r) => String(r.value)));
  };
}
