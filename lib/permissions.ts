import type { Config, Role } from "./config.ts";
import { ROLES } from "./config.ts";
import type { Executor } from "./db.ts";
import type { User } from "./identity.ts";
import { ALL_WELLS } from "./scope/data-scope.ts";
import type { DataScope } from "./scope/data-scope.ts";
import { grantedTo } from "./scope/grants.ts";

/**
 * Who may call which tool: the one declarative role → tools map. A tool missing
 * here is callable by ADMIN only; a role missing here gets nothing.
 */
const READ_TOOLS = [
  "query_drilling_data",
  "list_wells",
  "get_well_summary",
  "get_key_well_daily",
  "get_pre_drilling_milestones",
  "get_statistics",
  "analyze_rop",
  "analyze_npt",
  "get_drilling_curve",
  "get_period_report",
  "compare_wells",
  "compute_mse",
  "get_drilling_activities",
] as const;

const WRITE_TOOLS = ["add_drilling_record", "update_drilling_record"] as const;

/** Reading a record's versions and undoing one's own edit (the tool checks authorship; ADMIN may undo any). */
const HISTORY_TOOLS = ["get_record_history", "undo_record_change"] as const;

/** Upserts of what the model reads from a document (import_data stays ADMIN-only). */
const SAVE_TOOLS = ["save_well", "save_drilling_daily", "save_key_well_daily"] as const;

/** What a user may see (grant_access and revoke_access stay ADMIN-only). */
const SCOPE_TOOLS = ["list_access"] as const;

/** The role → tool grants. ADMIN is granted every registered tool. */
export const ROLE_TOOLS: Readonly<Record<Role, readonly string[] | "*">> = {
  USER: [...READ_TOOLS, ...SCOPE_TOOLS],
  ENGINEER: [...READ_TOOLS, ...WRITE_TOOLS, ...SAVE_TOOLS, ...SCOPE_TOOLS, ...HISTORY_TOOLS],
  ADMIN: "*",
};

/** The role as received and the permission role it maps to (null: unknown, gets nothing). */
export interface ResolvedRole {
  readonly raw: string;
  readonly role: Role | null;
}

/**
 * Maps a raw role (e.g. LibreChat's `{{LIBRECHAT_USER_ROLE}}`) to a permission role:
 * a built-in name matched case-insensitively after trimming, or the operator's
 * ROLE_MAP entry. Anything else, including empty, maps to null.
 */
export function resolveRole(raw: string | undefined | null, roleMap: Config["roleMap"]): ResolvedRole {
  const value = (raw ?? "").trim();
  const upper = value.toUpperCase();
  if ((ROLES as readonly string[]).includes(upper)) return { raw: value, role: upper as Role };
  return { raw: value, role: roleMap.get(upper) ?? null };
}

/** True when `role` may call `tool`. A null role may call nothing. */
export function canCall(role: Role | null, tool: string): boolean {
  if (role === null) return false;
  const grant = ROLE_TOOLS[role];
  return grant === "*" || grant.includes(tool);
}

/** The roles that may call `tool`, for listings. */
export function rolesFor(tool: string): Role[] {
  return ROLES.filter((role) => canCall(role, tool));
}

/** The verbatim refusal: `权限不足：用户角色 USER 无权访问工具 export_all_data`. */
export function deniedMessage(role: ResolvedRole, tool: string): string {
  const shown = role.role ?? (role.raw || "(无 none)");
  return `权限不足：用户角色 ${shown} 无权访问工具 ${tool}`;
}

/**
 * Whether `role` sees every well or only what is granted: ADMIN always every well; a role
 * listed in SCOPED_ROLES only its grants; every other role every well (the default).
 */
export function scopeKind(role: Role | null, scopedRoles: readonly Role[]): DataScope["kind"] {
  if (role === "ADMIN") return "all";
  if (role === null) return "granted";
  return scopedRoles.includes(role) ? "granted" : "all";
}

/**
 * The caller's data scope, resolved once per request from the grants table (no cache, so an
 * ADMIN's grant or revoke applies to the very next call). A granted-only role with no grant
 * sees nothing.
 */
export async function resolveScope(db: Executor, user: User, scopedRoles: readonly Role[]): Promise<DataScope> {
  if (scopeKind(user.role.role, scopedRoles) === "all") return ALL_WELLS;
  return { kind: "granted", ...(await grantedTo(db, user.id, user.role.role)) };
}
