import type { Executor } from "../db/db.ts";

/**
 * The SELECT expression giving a drilling daily row (alias `d`) its live activity lines as JSON
 * `[[activity_code, state, hours], …]` in the column `activity_lines`, NULL when it has none
 * (read by lib/analysis/activity-lines.ts, so NPT analyses use measured activity hours).
 */
export function activityLinesSql(d: string): string {
  return `(SELECT CASE WHEN count(*) > 0 THEN json_group_array(json_array(a.activity_code, a.state, a.hours)) END
    FROM drilling_activities a WHERE a.well_id = ${d}.well_id AND a.report_date = ${d}.report_date AND a.deleted_at IS NULL) AS activity_lines`;
}

/**
 * Whether any live activity line exists (as the caller may see them): when none does, NPT
 * analyses leave the per-row subquery of {@link activityLinesSql} out, so a database without
 * activities pays nothing for them.
 */
export async function hasActivityLines(db: Executor): Promise<boolean> {
  const rs = await db.execute(
    "SELECT EXISTS (SELECT 1 FROM drilling_activities WHERE deleted_at IS NULL) AS found",
  );
  return Number(rs.rows[0]?.found ?? 0) === 1;
}
