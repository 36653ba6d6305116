import type { Executor, SqlValue } from "../db.ts";
import { mainWorkNptClassifier } from "../analysis/main-work-npt.ts";
import { nptCategory } from "../analysis/npt-categories.ts";
import type { NptCategory } from "../analysis/npt-categories.ts";
import { num, text } from "../analysis/record.ts";

const CHUNK = 500;

/** One report's NPT as daily_npt stores it (see lib/migrations/006-daily-npt.ts). */
export interface ReportNpt {
  readonly source: "recorded" | "text";
  /** Hours per category in the order first named; empty when the NPT is known to be none. */
  readonly entries: ReadonlyMap<NptCategory, number>;
  readonly hoursUnknown: boolean;
}

/**
 * The one rule for where a report's NPT comes from: its `npt_h` when present and not negative
 * (filed under `npt_category`, `other` when blank); else its main-work text, read by the
 * classifier (a cause named without hours is flagged, not counted); else unknown (null). The same
 * rule nptBreakdown (lib/analysis/npt.ts) applies to rows it is given.
 */
export function reportNpt(row: { npt_h?: unknown; npt_category?: unknown; main_work?: unknown }): ReportNpt | null {
  const entries = new Map<NptCategory, number>();
  const add = (category: unknown, hours: unknown) => {
    const h = num(hours);
    if (h === null || h <= 0) return;
    const key = nptCategory(category);
    entries.set(key, (entries.get(key) ?? 0) + h);
  };
  const own = num(row.npt_h);
  if (own !== null && own >= 0) {
    add(row.npt_category, own);
    return { source: "recorded", entries, hoursUnknown: false };
  }
  const work = text(row.main_work);
  if (work === null) return null;
  let hoursUnknown = false;
  for (const e of mainWorkNptClassifier(() => (hoursUnknown = true))(work)) add(e.category, e.hours);
  return { source: "text", entries, hoursUnknown };
}

/**
 * Recomputes the daily_npt rows of the reports `reportIds` from their stored row (a purged report
 * loses them). Every writer of drilling_daily calls this inside its transaction, after writing.
 */
export async function refreshReportNpt(tx: Executor, reportIds: readonly (number | string)[]): Promise<void> {
  const ids = [...new Set(reportIds.map(Number))].filter(Number.isFinite);
  for (let i = 0; i < ids.length; i += CHUNK) {
    const part = ids.slice(i, i + CHUNK);
    const marks = part.map(() => "?").join(", ");
    await tx.execute(`DELETE FROM daily_npt WHERE report_id IN (${marks})`, part);
    const rs = await tx.execute(`SELECT id, npt_h, npt_category, main_work FROM drilling_daily WHERE id IN (${marks})`, part);
    const args: SqlValue[] = [];
    for (const row of rs.rows) {
      const npt = reportNpt(row);
      if (!npt) continue;
      const list: [NptCategory | null, number][] = npt.entries.size > 0 ? [...npt.entries] : [[null, 0]];
      list.forEach(([category, hours], ord) => args.push(Number(row.id), ord, category, hours, npt.source, npt.hoursUnknown ? 1 : 0));
    }
    for (let j = 0; j < args.length; j += 6 * 1000) {
      const chunk = args.slice(j, j + 6 * 1000);
      await tx.execute(
        `INSERT INTO daily_npt (report_id, ord, category, hours, source, hours_unknown) VALUES ${Array.from({ length: chunk.length / 6 }, () => "(?, ?, ?, ?, ?, ?)").join(", ")}`,
        chunk,
      );
    }
  }
}
