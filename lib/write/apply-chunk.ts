import type { Executor, Row, SqlValue } from "../db/db.ts";
import { recordHistoryMany } from "./history-many.ts";
import type { HistoryEntry } from "./history-many.ts";
import { keyOf, storedSelect } from "./plan-chunk.ts";
import type { RowPlan } from "./plan-chunk.ts";
import type { WriteTarget } from "./targets.ts";
import { refreshReportNpt } from "../data/daily-npt.ts";

/** A planned row once written: inserted rows now carry their new id. */
export type AppliedRow =
  | Exclude<RowPlan, { kind: "insert" }>
  | (Extract<RowPlan, { kind: "insert" }> & { readonly id: string | number });

const MAX_ARGS = 8000;
const NOW = "strftime('%Y-%m-%dT%H:%M:%fZ','now')";

async function insertGroup(
  tx: Executor,
  target: WriteTarget,
  plans: Extract<RowPlan, { kind: "insert" }>[],
  actor: string,
) {
  const given = Object.keys(plans[0].values);
  const columns = target.actorColumns ? [...given, "created_by", "updated_by"] : given;
  const returning = [...new Set([target.idColumn, ...target.table.naturalKey])].join(", ");
  const perStatement = Math.max(1, Math.floor(MAX_ARGS / columns.length));
  const stored = new Map<string, string | number>();
  for (let i = 0; i < plans.length; i += perStatement) {
    const part = plans.slice(i, i + perStatement);
    const args: SqlValue[] = [];
    for (const p of part) {
      for (const c of given) args.push(p.values[c] ?? null);
      if (target.actorColumns) args.push(actor, actor);
    }
    const tuple = `(${columns.map(() => "?").join(", ")})`;
    const rs = await tx.execute(
      `INSERT INTO ${target.table.name} (${columns.join(", ")}) VALUES ${
        part.map(() => tuple).join(", ")
      } RETURNING ${returning}`,
      args,
    );
    for (const row of rs.rows) {
      stored.set(
        keyOf(target, row as Record<string, string | number | null>),
        row[target.idColumn] as string | number,
      );
    }
  }
  return stored;
}

/**
 * Writes one planned chunk inside the caller's transaction: inserts in multi-row
 * statements (grouped by the fields given), updates of the changed fields only,
 * and a record_history entry for every insert and update (the full row before and
 * after). Rejected and unchanged rows are left alone.
 */
export async function applyChunk(
  tx: Executor,
  target: WriteTarget,
  plans: readonly RowPlan[],
  actor: string,
): Promise<AppliedRow[]> {
  const history: HistoryEntry[] = [];
  const groups = new Map<string, Extract<RowPlan, { kind: "insert" }>[]>();
  for (const p of plans) {
    if (p.kind !== "insert") continue;
    const signature = Object.keys(p.values).join(",");
    const group = groups.get(signature);
    if (group) group.push(p);
    else groups.set(signature, [p]);
  }
  const inserted = new Map<string, string | number>();
  for (const group of groups.values()) {
    for (const [key, id] of await insertGroup(tx, target, group, actor)) inserted.set(key, id);
  }
  // A new row holds exactly the given fields (the metadata columns have no defaults), so history needs no read-back.
  const stored = storedSelect(target);
  const afterInsert = (id: string | number, values: RowPlan["values"]): Row =>
    Object.fromEntries(stored.map((c) => [c, c === target.idColumn ? id : values[c] ?? null]));
  const applied: AppliedRow[] = [];
  for (const p of plans) {
    if (p.kind === "insert") {
      const id = inserted.get(keyOf(target, p.values));
      if (id === undefined) {
        throw new Error(`inserted ${target.table.name} row ${p.row} cannot be matched to its key`);
      }
      history.push({
        recordId: id,
        action: "insert",
        before: null,
        after: afterInsert(id, p.values),
      });
      applied.push({ ...p, id });
      continue;
    }
    if (p.kind === "update") {
      const sets = p.changed.map((c) => `${c} = ?`);
      if (target.actorColumns) sets.push("updated_by = ?");
      const args: SqlValue[] = [
        ...p.changed.map((c) => p.values[c] ?? null),
        ...(target.actorColumns ? [actor] : []),
        p.id,
      ];
      await tx.execute(
        `UPDATE ${target.table.name} SET ${
          sets.join(", ")
        }, updated_at = ${NOW} WHERE ${target.idColumn} = ?`,
        args,
      );
      const after: Row = { ...p.before };
      for (const c of p.changed) after[c] = p.values[c] ?? null;
      history.push({ recordId: p.id, action: "update", before: p.before, after });
    }
    applied.push(p);
  }
  await recordHistoryMany(tx, target.table.name, actor, history);
  if (target.table.name === "drilling_daily") {
    await refreshReportNpt(tx, history.map((h) => h.recordId));
  }
  return applied;
}
