import type { Executor } from "../db/db.ts";
import { ToolError } from "../call/tool-error.ts";

/** The wells a caller sees: every well, or only the granted blocks and single wells. */
export type DataScope = AllWells | GrantedScope;

/** Every well (ADMIN, and every role not listed in SCOPED_ROLES). */
export interface AllWells {
  readonly kind: "all";
}

/** Only the wells of the granted blocks (by the well master's 区块) and the granted single wells. */
export interface GrantedScope {
  readonly kind: "granted";
  readonly blocks: readonly string[];
  readonly wells: readonly string[];
}

/** The scope of a caller who sees every well. */
export const ALL_WELLS: AllWells = Object.freeze({ kind: "all" });

/**
 * The one answer a scoped caller gets for a well outside the scope, identical whether or
 * not the well exists: `无权访问井号 X 的数据 / no access to well X`.
 */
export function noAccessMessage(well: string): string {
  return `无权访问井号 ${well} 的数据 / no access to well ${well}`;
}

/** The refusal for `wells` outside the scope (one line each), as a `forbidden` ToolError. */
export function noAccessError(wells: readonly string[]): ToolError {
  return new ToolError("forbidden", [...new Set(wells)].map(noAccessMessage).join("\n"));
}

/** An executor whose statements see only the wells of `scope` (see lib/scope/scoped-db.ts). */
export interface ScopedExecutor extends Executor {
  readonly scope: GrantedScope;
}

/** The scope an executor is limited to, or null for one that sees every well. */
export function scopeOf(db: Executor): GrantedScope | null {
  return (db as Partial<ScopedExecutor>).scope ?? null;
}
