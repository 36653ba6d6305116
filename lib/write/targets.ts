import type { Table } from "../schema/column.ts";
import { DRILLING_ACTIVITIES } from "../schema/drilling-activities.ts";
import { DRILLING_DAILY } from "../schema/drilling-daily.ts";
import { KEY_WELL_DAILY } from "../schema/key-well-daily.ts";
import { PRE_DRILLING } from "../schema/pre-drilling.ts";
import { WELLS } from "../schema/wells.ts";

/**
 * How one table is written by natural key: the metadata plus the few facts the
 * SQL needs that the column list does not say.
 */
export interface WriteTarget {
  readonly table: Table;
  /** The stored row's id: `id` (autoincrement) or, for the well master, `well_id` (its primary key). */
  readonly idColumn: string;
  /** Whether the table has `created_by` / `updated_by` columns. */
  readonly actorColumns: boolean;
  /** Columns every record must give (non-empty); the rest of the natural key may be empty. */
  readonly required: readonly string[];
  /** True when a row's well should be in the well master (daily tables): counted when it is not. */
  readonly wellInMaster: boolean;
}

/** The well master: keyed by its primary key, so a soft-deleted well blocks its id until restored. */
export const WELLS_TARGET: WriteTarget = {
  table: WELLS,
  idColumn: "well_id",
  actorColumns: false,
  required: ["well_id"],
  wellInMaster: false,
};

/**
 * A table of well rows (every table but the master): keyed by an autoincrement `id`, written with
 * who changed it, each row's well expected in the master.
 */
function wellRowsTarget(table: Table, required: readonly string[]): WriteTarget {
  return { table, idColumn: "id", actorColumns: true, required, wellInMaster: true };
}

/** The drilling daily report, one live row per (well_id, report_date). */
export const DRILLING_DAILY_TARGET = wellRowsTarget(DRILLING_DAILY, ["well_id", "report_date"]);

/** The key-well trial-production daily: one live row per well, date, horizon and layer (horizon and layer may be empty). */
export const KEY_WELL_DAILY_TARGET = wellRowsTarget(KEY_WELL_DAILY, ["well_id", "report_date"]);

/** The pre-drilling milestones, one live row per well. */
export const PRE_DRILLING_TARGET = wellRowsTarget(PRE_DRILLING, ["well_id"]);

/** The day's activity lines under a drilling daily report (written by the drillReport and campaign importers). */
export const DRILLING_ACTIVITIES_TARGET = wellRowsTarget(DRILLING_ACTIVITIES, [
  "well_id",
  "report_date",
  "start_time",
]);

/** Every table the importer and the save tools write. Add a table here to import it. */
export const WRITE_TARGETS: readonly WriteTarget[] = [
  WELLS_TARGET,
  DRILLING_DAILY_TARGET,
  KEY_WELL_DAILY_TARGET,
  PRE_DRILLING_TARGET,
];
