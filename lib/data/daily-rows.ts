/**
 * Data access: the SQL that reads and writes the tables (drilling daily reports, wells, history,
 * NPT totals, exports, the analysis jobs run in reader threads). No text for people here:
 * answers/ writes it.
 *
 * @module
 */
import { z } from "zod";
import type { Row } from "../db/db.ts";
import type { Column, Table } from "../schema/column.ts";
import { DRILLING_DAILY } from "../schema/drilling-daily.ts";
import { columnNames, rowOutputShape } from "../schema/zod.ts";

/** The SELECT list of a drilling daily row as tools return it: id, every column, and whether its well is in the master. */
export const DAILY_SELECT = [
  "d.id",
  ...columnNames(DRILLING_DAILY).map((c) => `d.${c}`),
  "EXISTS (SELECT 1 FROM wells w WHERE w.well_id = d.well_id AND w.deleted_at IS NULL) AS well_in_master",
].join(", ");

/** The output field saying whether a row's well is in the well master. */
export const wellInMasterField = z.boolean().describe(
  "井号是否在油井基础信息中 whether the well is in the well master",
);

/** Output row of a daily table as tools return it: the record id, every column, and whether its well is in the master. */
export function storedRowSchema<C extends Column>(table: Table<C>) {
  return z.object({
    id: z.number().int().describe("记录号 record id"),
    ...rowOutputShape(table),
    well_in_master: wellInMasterField,
  });
}

/** Output row of the drilling daily report, shared by tools that return rows. */
export const dailyRecordSchema = storedRowSchema(DRILLING_DAILY);

/**
 * A drilling daily row as tools return it: id, every column and well_in_master (well and date are
 * NOT NULL in the table). The pure analyses take the same row as DrillingRecord
 * (lib/analysis/record.ts), every column optional, since each reads only some; a DailyRow is one.
 */
export type DailyRow = z.infer<typeof dailyRecordSchema> & { well_id: string; report_date: string };

/** Normalizes a selected row (SQLite booleans arrive as 0/1); the SELECT is DAILY_SELECT, so the columns are the schema's. */
export function toDailyRow(row: Row): DailyRow {
  return { ...row, well_in_master: Boolean(row.well_in_master) } as DailyRow;
}

const fmt = (v: unknown): string => (v === null || v === undefined ? "—" : String(v));

/** A compact Markdown table of daily rows for the text rendering. */
export function dailyTable(rows: readonly DailyRow[]): string {
  const head =
    "| ID | 井号 Well | 日期 Date | 井深 Depth m | 日进尺 Footage m | 钻速 ROP m/h | 钻压 WOB kN | 密度 Mud g/cm³ | 地层 Formation | 主要工作 Main work |";
  const sep = "|---|---|---|---|---|---|---|---|---|---|";
  const lines = rows.map((r) =>
    `| ${r.id} | ${r.well_id}${r.well_in_master ? "" : " ⚠"} | ${r.report_date} | ${
      fmt(r.depth_m)
    } | ${fmt(r.footage_m)} | ${fmt(r.rop_m_h)} | ${fmt(r.wob_kn)} | ${
      fmt(r.mud_density_g_cm3)
    } | ${fmt(r.formation)} | ${fmt(r.main_work).replace(/\|/g, "/")} |`
  );
  return [head, sep, ...lines].join("\n");
}
