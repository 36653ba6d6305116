/**
 * Data scopes: who sees which wells. Grants are stored per user; a scoped caller's database is a
 * wrapper whose SQL sees only the granted wells.
 *
 * @module
 */
import type { Db, Executor, QueryResult, Row, Statement } from "../db/db.ts";
import { ToolError } from "../call/tool-error.ts";
import type { DataScope, GrantedScope, ScopedExecutor } from "./data-scope.ts";
import { noAccessError } from "./data-scope.ts";
import { GUARD_ROWID, GUARD_WELL, guardReturning, shadowSql } from "./shadow-sql.ts";
import { shadowTables } from "./shadow-tables.ts";
import type { ShadowTable } from "./shadow-tables.ts";
import { sqlShape } from "./sql-shape.ts";
import { visibleWellSql } from "./visible-sql.ts";

/** A database limited to a granted scope: reads see visible wells only, writes outside it are refused. */
export type ScopedDb = Db & ScopedExecutor;

const WRITES = new Set(["INSERT", "REPLACE", "UPDATE", "DELETE"]);

/** The refusal of a write that touched rows of an invisible well the caller did not name. */
export const NO_ACCESS_RECORD =
  "无权修改数据范围以外的井的记录 / no access to records of wells outside your data scope";

interface TxState {
  refused: ToolError | null;
}

function strip(row: Row): Row {
  const { [GUARD_WELL]: _w, [GUARD_ROWID]: _r, ...rest } = row;
  return rest;
}

/**
 * Wraps `db` so that every statement sees only the wells of `scope`: reads through CTEs that
 * shadow each table by name (see shadowSql), and every INSERT/REPLACE/UPDATE/DELETE on a
 * table with a `well_id` column checked after it ran, inside a transaction, against the
 * scope: a written row of an invisible well refuses the write and rolls it back (a
 * transaction in which any write was refused is rolled back even if the work caught the error).
 */
export function scopedDb(db: Db, scope: GrantedScope, tables: readonly ShadowTable[]): ScopedDb {
  const keyed = new Set(tables.filter((t) => t.keyed).map((t) => t.name));
  const guarded = (sql: string) => {
    const shape = sqlShape(sql);
    return {
      shape,
      text: shadowSql(sql, shape, tables),
      guard: WRITES.has(shape.verb) && shape.target !== null && keyed.has(shape.target),
    };
  };

  async function guardedWrite(
    ex: Executor,
    sql: string,
    args: Statement["args"],
    state: TxState,
  ): Promise<QueryResult> {
    const { shape, text } = guarded(sql);
    const rs = await ex.execute(guardReturning(text, shape), args);
    const wells = [...new Set(rs.rows.map((r) => String(r[GUARD_WELL] ?? "")))];
    const hidden = wells.length
      ? (await ex.execute(
        `SELECT value FROM json_each(?) WHERE NOT ${visibleWellSql(scope, "value")}`,
        [JSON.stringify(wells)],
      )).rows.map((r) => String(r.value))
      : [];
    if (hidden.length) {
      const error = shape.verb === "INSERT" || shape.verb === "REPLACE"
        ? noAccessError(hidden)
        : new ToolError("forbidden", NO_ACCESS_RECORD);
      state.refused ??= error;
      throw error;
    }
    const last = rs.rows.length ? Number(rs.rows[rs.rows.length - 1][GUARD_ROWID]) : null;
    return {
      rows: shape.returning ? rs.rows.map(strip) : [],
      rowsAffected: rs.rows.length,
      lastInsertRowid: shape.verb === "INSERT" || shape.verb === "REPLACE"
        ? last
        : rs.lastInsertRowid,
    };
  }

  function executor(ex: Executor, state: TxState): ScopedExecutor {
    return {
      scope,
      async execute(sql, args) {
        const { text, guard } = guarded(sql);
        return guard ? guardedWrite(ex, sql, args, state) : ex.execute(text, args);
      },
    };
  }

  const inTransaction = <T>(work: (tx: ScopedExecutor) => Promise<T>): Promise<T> =>
    db.transaction(async (tx) => {
      const state: TxState = { refused: null };
      const result = await work(executor(tx, state));
      if (state.refused) throw state.refused;
      return result;
    });

  return {
    scope,
    location: db.location,
    async execute(sql, args) {
      const { text, guard } = guarded(sql);
      return guard ? inTransaction((tx) => tx.execute(sql, args)) : db.execute(text, args);
    },
    batch: (statements) =>
      inTransaction(async (tx) => {
        const out: QueryResult[] = [];
        for (const s of statements) out.push(await tx.execute(s.sql, s.args));
        return out;
      }),
    transaction: inTransaction,
    close: () => db.close(),
  };
}

/** `db` limited to `scope`: the database itself for every-well scopes, else a {@link scopedDb} over the tables found now. */
export async function scopeDatabase(db: Db, scope: DataScope): Promise<Db> {
  if (scope.kind === "all") return db;
  return scopedDb(db, scope, await shadowTables(db, scope));
}
