/**
 * Writing records: validation against the schema, planning and applying in chunks with history
 * rows, and the save tools' shared definition.
 *
 * @module
 */
import type { Db } from "../db/db.ts";
import { noAccessMessage } from "../scope/data-scope.ts";
import type { AppliedRow } from "./apply-chunk.ts";
import type { RowPlan, WriteRow } from "./plan-chunk.ts";
import type { WriteTarget } from "./targets.ts";
import { upsertRows } from "./upsert-rows.ts";
import { recordChecker } from "./validate-record.ts";
import type { ColumnValue, Rejection } from "../schema/column.ts";
import type { ScopeCheck } from "./well-scope.ts";
import { wellsInMaster } from "./wells-in-master.ts";

/** What became of one record of a save call. `not_saved`: valid, but all_or_nothing kept it out. */
export type SaveStatus = "inserted" | "updated" | "unchanged" | "rejected" | "not_saved";

/** One record's outcome, computed after the commit. */
export interface RecordOutcome {
  /** 1-based position of the record in the call. */
  readonly index: number;
  readonly status: SaveStatus;
  /** The natural key as given (normalized). */
  readonly key: Readonly<Record<string, ColumnValue>>;
  /** The stored row's id (`id`, or the well id for the well master); null when nothing is stored. */
  readonly record_id: string | number | null;
  /** Fields whose stored value changed, with the value before and after. */
  readonly changes: Readonly<
    Record<string, { readonly before: ColumnValue; readonly after: ColumnValue }>
  >;
  readonly problems: readonly Rejection[];
  /** Whether the record's well is in the well master (daily tables); null for the master itself. */
  readonly well_in_master: boolean | null;
}

/** The outcome of a save call: whether anything was committed, and every record's fate. */
export interface SaveResult {
  readonly committed: boolean;
  readonly outcomes: readonly RecordOutcome[];
}

/** Options of saveRecords. */
export interface SaveOptions {
  readonly actor: string;
  /** true: if any record is refused, nothing is written. */
  readonly allOrNothing: boolean;
  /** The wells the caller may not write (see lib/write/well-scope.ts). */
  readonly outsideScope: ScopeCheck;
}

class RolledBack extends Error {
  readonly plans: (RowPlan | AppliedRow)[];
  constructor(plans: (RowPlan | AppliedRow)[]) {
    super("all_or_nothing: rolled back");
    this.plans = plans;
  }
}

const STATUS: Record<RowPlan["kind"], SaveStatus> = {
  insert: "inserted",
  update: "updated",
  unchanged: "unchanged",
  rejected: "rejected",
};

/**
 * Upserts records of `target` by natural key, each checked field by field, the
 * wells they touch checked against the caller's scope BEFORE any write. Without
 * all_or_nothing every good record is committed in one transaction; with it, one
 * refused record keeps every record out. The outcomes are built only once the
 * transaction has committed (or rolled back), never from what was attempted.
 */
export async function saveRecords(
  db: Db,
  target: WriteTarget,
  records: readonly Record<string, unknown>[],
  options: SaveOptions,
): Promise<SaveResult> {
  const check = recordChecker(target);
  const refused = new Map<number, Rejection[]>();
  const rows: WriteRow[] = [];
  records.forEach((record, i) => {
    const checked = check(record);
    if (checked.ok) rows.push({ row: i + 1, values: checked.values });
    else refused.set(i + 1, [...checked.problems]);
  });
  const wells = [...new Set(rows.map((r) => String(r.values.well_id)))];
  const denied = await options.outsideScope(wells);
  const allowed = rows.filter((r) => {
    const well = String(r.values.well_id);
    if (!denied.has(well)) return true;
    refused.set(r.row, [{ column: "well_id", value: well, reason: noAccessMessage(well) }]);
    return false;
  });
  let plans: (RowPlan | AppliedRow)[] = [];
  let committed = false;
  if (!(options.allOrNothing && refused.size > 0)) {
    try {
      plans = await db.transaction(async (tx) => {
        const done = await upsertRows(tx, target, allowed, { apply: true, actor: options.actor });
        if (options.allOrNothing && done.some((p) => p.kind === "rejected")) {
          throw new RolledBack(done);
        }
        return done;
      });
      committed = true;
    } catch (error) {
      if (!(error instanceof RolledBack)) throw error;
      plans = error.plans;
    }
  }
  // From here on the transaction is over: the answer describes what is stored.
  const byRow = new Map(plans.map((p) => [p.row, p]));
  const inMaster = target.wellInMaster ? await wellsInMaster(db, wells) : null;
  return {
    committed,
    outcomes: records.map((_, i): RecordOutcome => {
      const index = i + 1;
      const plan = byRow.get(index);
      const values = plan?.values ?? rows.find((r) => r.row === index)?.values ?? {};
      const key = Object.fromEntries(
        target.table.naturalKey.map((
          k,
        ) => [k, values[k] ?? (records[i][k] as ColumnValue) ?? null]),
      );
      const problems = refused.get(index) ?? (plan?.kind === "rejected" ? plan.problems : []);
      const status: SaveStatus = problems.length
        ? "rejected"
        : !plan || !committed
        ? "not_saved"
        : STATUS[plan.kind];
      const stored = status !== "rejected" && status !== "not_saved" && plan && "id" in plan
        ? plan.id
        : null;
      const changes = status === "updated" && plan?.kind === "update"
        ? Object.fromEntries(
          plan.changed.map((
            c,
          ) => [c, {
            before: (plan.before[c] ?? null) as ColumnValue,
            after: plan.values[c] ?? null,
          }]),
        )
        : {};
      const well = key.well_id === null || key.well_id === undefined ? null : String(key.well_id);
      return {
        index,
        status,
        key,
        record_id: stored,
        changes,
        problems,
        well_in_master: inMaster && well !== null ? inMaster.has(well) : null,
      };
    }),
  };
}
