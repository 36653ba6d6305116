import type { Executor, Row } from "../db/db.ts";
import { noAccessError, scopeOf } from "../scope/data-scope.ts";
import { ToolError } from "../call/tool-error.ts";

/** The live well master row of `wellId`, or null. */
export async function findWell(db: Executor, wellId: string): Promise<Row | null> {
  const rs = await db.execute("SELECT * FROM wells WHERE well_id = ? AND deleted_at IS NULL", [
    wellId,
  ]);
  return rs.rows[0] ?? null;
}

/**
 * The well master row of `wellId`; a ToolError (not_found) naming it otherwise, or on a
 * scoped executor the no-access answer (the same whether the well is hidden or unknown).
 */
export async function requireWell(db: Executor, wellId: string): Promise<Row> {
  const well = await findWell(db, wellId);
  if (!well && scopeOf(db)) throw noAccessError([wellId]);
  if (!well) {
    throw new ToolError(
      "not_found",
      `未找到井号 "${wellId}"：请用 list_wells 查看现有井号 / well "${wellId}" not found: use list_wells to see the wells`,
    );
  }
  return well;
}
