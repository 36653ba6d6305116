import type { Row } from "../db.ts";
import { DRILLING_DAILY } from "../schema/drilling-daily.ts";
import { columnNames } from "../schema/zod.ts";

/** The SELECT list of a drilling daily row as tools return it: id, every column, and whether its well is in the master. */
export const DAILY_SELECT = [
  "d.id",
  ...columnNames(DRILLING_DAILY).map((c) => `d.${c}`),
  "EXISTS (SELECT 1 FROM wells w WHERE w.well_id = d.well_id AND w.deleted_at IS NULL) AS well_in_master",
].join(", ");

/** A drilling daily row as tools return it. */
export type DailyRow = Row & { id: number; well_id: string; report_date: string; well_in_master: boolean };

/** Normalises a selected row (SQLite booleans arrive as 0/1). */
export function toDailyRow(row: Row): DailyRow {
  return { ...row, well_in_master: Boolean(row.well_in_master) } as DailyRow;
}

const fmt = (v: unknown): string => (v === null || v === undefined ? "—" : String(v));

/** A compact Markdown table of daily rows for the text rendering. */
export function dailyTable(rows: readonly DailyRow[]): string {
  const head = "| ID | 井号 Well | 日期 Date | 井深 Depth m | 日进尺 Footage m | 钻速 ROP m/h | 钻压 WOB kN | 密度 Mud g/cm³ | 地层 Formation | 主要工作 Main work |";
  const sep = "|---|---|---|---|---|---|---|---|---|---|";
  const lines = rows.map((r) =>
    `| ${r.id} | ${r.well_id}${r.well_in_master ? "" : " ⚠"} | ${r.report_date} | ${fmt(r.depth_m)} | ${fmt(r.footage_m)} | ${fmt(r.rop_m_h)} | ${fmt(r.wob_kn)} | ${fmt(r.mud_density_g_cm3)} | ${fmt(r.formation)} | ${fmt(r.main_work).replace(/\|/g, "/")} |`
  );
  return [head, sep, ...lines].join("\n");
}
