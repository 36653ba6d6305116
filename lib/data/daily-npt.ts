import type { Executor, SqlValue } from "../db/db.ts";
import { mainWorkNptClassifier } from "../analysis/main-work-npt.ts";
import type { NptCategory } from "../analysis/npt-categories.ts";
import { rowNpt } from "../analysis/npt.ts";
import type { NptSource } from "../analysis/npt.ts";
import type { DrillingRecord } from "../analysis/record.ts";
import { activityLinesSql } from "./activity-lines-sql.ts";

const CHUNK = 500;

/** One report's NPT as daily_npt stores it (see lib/db/migrations/007-daily-npt.ts). */
export interface ReportNpt {
  readonly source: NptSource;
  /** Hours per category in the order first named; empty when the NPT is known to be none. */
  readonly entries: ReadonlyMap<NptCategory, number>;
  /** The main-work text names a cause without hours (only for source `text`). */
  readonly hoursUnknown: boolean;
}

/**
 * A report's NPT by the one rule of rowNpt (lib/analysis/npt.ts): the day's activity lines
 * (`activity_lines`, see activityLinesSql), else `npt_h`, else the main-work text read by the
 * classifier (a cause named without hours is flagged, not counted); null when unknown.
 */
export function reportNpt(row: DrillingRecord): ReportNpt | null {
  let hoursUnknown = false;
  const found = rowNpt(row, mainWorkNptClassifier(() => (hoursUnknown = true)));
  if (!found) return null;
  return {
    source: found.source,
    entries: found.entries,
    hoursUnknown: found.source === "text" && hoursUnknown,
  };
}

/**
 * Recomputes the daily_npt rows of the reports `reportIds` from their stored row (a purged report
 * loses them). Every writer of drilling_daily calls this inside its transaction, after writing.
 */
export async function refreshReportNpt(
  tx: Executor,
  reportIds: readonly (number | string)[],
): Promise<void> {
  const ids = [...new Set(reportIds.map(Number))].filter(Number.isFinite);
  for (let i = 0; i < ids.length; i += CHUNK) {
    const part = ids.slice(i, i + CHUNK);
    const marks = part.map(() => "?").join(", ");
    await tx.execute(`DELETE FROM daily_npt WHERE report_id IN (${marks})`, part);
    const rs = await tx.execute(
      `SELECT d.id, d.npt_h, d.npt_category, d.main_work, ${
        activityLinesSql("d")
      } FROM drilling_daily d WHERE d.id IN (${marks})`,
      part,
    );
    const args: SqlValue[] = [];
    for (const row of rs.rows) {
      const npt = reportNpt(row as DrillingRecord);
      if (!npt) continue;
      const list: [NptCategory | null, number][] = npt.entries.size > 0
        ? [...npt.entries]
        : [[null, 0]];
      list.forEach(([category, hours], ord) =>
        args.push(Number(row.id), ord, category, hours, npt.source, npt.hoursUnknown ? 1 : 0)
      );
    }
    for (let j = 0; j < args.length; j += 6 * 1000) {
      const chunk = args.slice(j, j + 6 * 1000);
      await tx.execute(
        `INSERT INTO daily_npt (report_id, ord, category, hours, source, hours_unknown) VALUES ${
          Array.from({ length: chunk.length / 6 }, () => "(?, ?, ?, ?, ?, ?)").join(", ")
        }`,
        chunk,
      );
    }
  }
}

/**
 * Recomputes the daily_npt rows of the live reports of the given well days: called after their
 * activity lines change (imported, or removed by a re-import), since those decide the report's NPT.
 */
export async function refreshNptOfDays(
  tx: Executor,
  days: readonly { well_id: string; report_date: string }[],
): Promise<void> {
  const ids: number[] = [];
  for (let i = 0; i < days.length; i += CHUNK) {
    const part = days.slice(i, i + CHUNK);
    const rs = await tx.execute(
      `SELECT d.id FROM drilling_daily d WHERE d.deleted_at IS NULL AND (${
        part.map(() => "(d.well_id = ? AND d.report_date = ?)").join(" OR ")
      })`,
      part.flatMap((d) => [d.well_id, d.report_date]),
    );
    for (const row of rs.rows) ids.push(Number(row.id));
  }
  await refreshReportNpt(tx, ids);
}
