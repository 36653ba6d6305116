import type { Executor, Row, SqlValue } from "../db/db.ts";
import type { WriteTarget } from "./targets.ts";
import type { ColumnValue, Rejection } from "../schema/column.ts";

/** A record to write: where it came from (file row number or record index) and its checked values. */
export interface WriteRow {
  readonly row: number;
  readonly values: Readonly<Record<string, ColumnValue>>;
}

/** What writing a record will do (or did): insert, update (with the changed fields), nothing, or refuse it. */
export type RowPlan =
  | { readonly kind: "insert"; readonly row: number; readonly values: WriteRow["values"] }
  | {
    readonly kind: "update";
    readonly row: number;
    readonly values: WriteRow["values"];
    readonly id: string | number;
    readonly before: Row;
    readonly changed: readonly string[];
  }
  | {
    readonly kind: "unchanged";
    readonly row: number;
    readonly values: WriteRow["values"];
    readonly id: string | number;
    readonly before: Row;
  }
  | {
    readonly kind: "rejected";
    readonly row: number;
    readonly values: WriteRow["values"];
    readonly problems: readonly Rejection[];
  };

/** The natural key of `values` as one string (absent key fields count as empty, as the unique indexes do). */
export function keyOf(target: WriteTarget, values: WriteRow["values"]): string {
  return JSON.stringify(target.table.naturalKey.map((k) => values[k] ?? null));
}

/** The SELECT list of a stored row as history keeps it: the id, then every metadata column. */
export function storedSelect(target: WriteTarget): string[] {
  const cols = target.table.columns.map((c) => c.name);
  return cols.includes(target.idColumn) ? cols : [target.idColumn, ...cols];
}

function keyCondition(target: WriteTarget, values: WriteRow["values"], args: SqlValue[]): string {
  return "(" + target.table.naturalKey.map((k) => {
    const v = values[k] ?? null;
    if (v === null) return `${k} IS NULL`;
    args.push(v);
    return `${k} = ?`;
  }).join(" AND ") + ")";
}

function sameValue(a: unknown, b: unknown): boolean {
  return (a ?? null) === (b ?? null);
}

/**
 * Decides, for one chunk of rows, what an upsert by natural key does to each: one
 * SELECT finds the stored rows, then each row is an insert, an update of the fields
 * that differ, or unchanged. A key already met earlier in the run (`seen`, key → row)
 * is refused, and so is the id of a soft-deleted well (restore it instead). Reads only.
 */
export async function planChunk(
  db: Executor,
  target: WriteTarget,
  rows: readonly WriteRow[],
  seen: Map<string, number>,
): Promise<RowPlan[]> {
  if (rows.length === 0) return [];
  const { table } = target;
  // The well master's id is its primary key: a soft-deleted row still holds it.
  const keyIsId = table.naturalKey.length === 1 && table.naturalKey[0] === target.idColumn;
  const args: SqlValue[] = [];
  const where = rows.map((r) => keyCondition(target, r.values, args)).join(" OR ");
  const columns = [...storedSelect(target), "deleted_at"];
  const real = new Set(table.columns.filter((c) => c.type === "real").map((c) => c.name));
  // JSON renders a REAL with 15 digits, which would make 0.1 + 0.2 differ from itself on re-import: send 17 as text.
  const exprs = columns.map((
    c,
  ) => (real.has(c)
    ? `CASE WHEN typeof(${c}) = 'real' THEN printf('%!.17g', ${c}) ELSE ${c} END`
    : c)
  );
  const live = keyIsId ? "" : "deleted_at IS NULL AND ";
  // One JSON value instead of rows: the driver's per-row objects cost far more than JSON.parse.
  const rs = await db.execute(
    `SELECT json_group_array(json_array(${
      exprs.join(", ")
    })) AS found FROM ${table.name} WHERE ${live}(${where})`,
    args,
  );
  const found = JSON.parse(String(rs.rows[0]?.found ?? "[]")) as ColumnValue[][];
  const stored = new Map(found.map((values) => {
    const row: Row = Object.fromEntries(
      columns.map((
        c,
        i,
      ) => [c, real.has(c) && typeof values[i] === "string" ? Number(values[i]) : values[i]]),
    );
    return [keyOf(target, row as Record<string, ColumnValue>), row];
  }));
  return rows.map((r): RowPlan => {
    const key = keyOf(target, r.values);
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      const shown = table.naturalKey.map((k) => r.values[k] ?? "").join(" ");
      const reason =
        `与第 ${earlier} 条（行）的键 "${shown}" 相同，同一批只保存一次 / same key "${shown}" as record (row) ${earlier}: a batch saves each key once`;
      return {
        kind: "rejected",
        row: r.row,
        values: r.values,
        problems: [{ column: table.naturalKey.join(","), value: shown, reason }],
      };
    }
    seen.set(key, r.row);
    const found = stored.get(key);
    if (!found) return { kind: "insert", row: r.row, values: r.values };
    const { deleted_at: deletedAt, ...before } = found;
    if (deletedAt !== null) {
      const id = String(found[target.idColumn]);
      const reason =
        `"${id}" 已于 ${deletedAt} 删除：请先恢复再修改 / "${id}" was deleted at ${deletedAt}: restore it before changing it`;
      return {
        kind: "rejected",
        row: r.row,
        values: r.values,
        problems: [{ column: target.idColumn, value: id, reason }],
      };
    }
    const id = before[target.idColumn] as string | number;
    const changed = Object.keys(r.values).filter((c) =>
      !table.naturalKey.includes(c) && !sameValue(r.values[c], before[c])
    );
    return changed.length
      ? { kind: "update", row: r.row, values: r.values, id, before, changed }
      : { kind: "unchanged", row: r.row, values: r.values, id, before };
  });
}
