import type { Executor } from "../db.ts";
import type { User } from "../identity.ts";

/** Given the wells a write touches, the ones the caller may not write. */
export type ScopeCheck = (wellIds: readonly string[]) => Promise<ReadonlySet<string>>;

/**
 * The wells among `wellIds` that `user` may not write. Per-user well scopes (issue 9)
 * are not built yet: today a role allowed to call a save tool may write every well,
 * so this refuses none. The save tools call it with every well a write touches
 * before anything is written; the scope check belongs here.
 */
export function wellScopeCheck(_db: Executor, _user: User): ScopeCheck {
  return () => Promise.resolve(new Set<string>());
}
