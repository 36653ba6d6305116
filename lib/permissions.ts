import type { Config, Role } from "./config/config.ts";
import { ROLES } from "./config/config.ts";
import type { Executor } from "./db/db.ts";
import type { User } from "./identity/identity.ts";
import { ALL_WELLS } from "./scope/data-scope.ts";
import type { DataScope } from "./scope/data-scope.ts";
import { grantedTo } from "./scope/grants.ts";
import { TOOLS } from "./tools/index.ts";

/**
 * The access groups: every tool names exactly one in its definition (`group`, lib/call/define-tool.ts), and roles are
 * granted groups, never tool names.
 * - `read`: reports, wells, statistics and analyses; never changes data.
 * - `scope`: what the caller may see (`list_access`); granting and revoking are `admin`.
 * - `write`: adding and correcting one record.
 * - `save`: upserting the records the model read from a document (bulk `import_data` is `admin`).
 * - `history`: a record's versions, and undoing a change (the tool checks that an ENGINEER undoes only their own).
 * - `admin`: deleting, restoring and purging records, exporting everything, the audit log, grants, bulk import.
 */
export const TOOL_GROUPS = ["read", "scope", "write", "save", "history", "admin"] as const;

/** One access group (see TOOL_GROUPS). */
export type ToolGroup = (typeof TOOL_GROUPS)[number];

/** Who may call which tool: the one declarative role → groups map. A group not listed for a role is refused to it. */
export const ROLE_GROUPS: Readonly<Record<Role, readonly ToolGroup[]>> = {
  USER: ["read", "scope"],
  ENGINEER: ["read", "scope", "write", "save", "history"],
  ADMIN: ["read", "scope", "write", "save", "history", "admin"],
};

// Built once from the registered tools: a name that is not a registered tool has no group, so no role may call it.
// (So no tool may import this module: lib/tools/index.ts would not have built TOOLS yet when it is read here.)
const GROUP_OF: ReadonlyMap<string, ToolGroup> = new Map(TOOLS.map((t) => [t.name, t.group]));

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
export function resolveRole(
  raw: string | undefined | null,
  roleMap: Config["roleMap"],
): ResolvedRole {
  const value = (raw ?? "").trim();
  const upper = value.toUpperCase();
  if ((ROLES as readonly string[]).includes(upper)) return { raw: value, role: upper as Role };
  return { raw: value, role: roleMap.get(upper) ?? null };
}

/** True when ROLE_GROUPS grants `role` the access group `group`. A null role, or one not in the map, has none. */
export function hasGroup(role: Role | null, group: ToolGroup): boolean {
  return role !== null && Object.hasOwn(ROLE_GROUPS, role) && ROLE_GROUPS[role].includes(group);
}

/** True when `role` may call the registered tool named `tool`. A null role, or a name no tool has, may call nothing. */
export function canCall(role: Role | null, tool: string): boolean {
  const group = GROUP_OF.get(tool);
  return group !== undefined && hasGroup(role, group);
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
export async function resolveScope(
  db: Executor,
  user: User,
  scopedRoles: readonly Role[],
): Promise<DataScope> {
  if (scopeKind(user.role.role, scopedRoles) === "all") return ALL_WELLS;
  return { kind: "granted", ...(await grantedTo(db, user.id, user.role.role)) };
}
