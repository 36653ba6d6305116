import { OPERATIONS } from "../words/main-work-categories.ts";
import type { OperationId } from "../words/main-work-categories.ts";
import { classifyMainWork } from "../words/main-work.ts";
import { type DrillingRecord, text } from "./record.ts";

/** Operations worth a line in a weekly report (a drilling day is not). */
const NOTABLE: readonly OperationId[] = [
  "casing",
  "cementing",
  "logging",
  "coring",
  "testing",
  "rig_move",
];

/** Something the main-work text says happened: trouble (NPT) or a milestone operation. */
export interface PeriodEvent {
  readonly date: string;
  readonly well_id: string;
  readonly kind: "npt" | "operation";
  /** NPT category (downhole, equipment, …) or the day's milestone operation ids (`casing,cementing`). */
  readonly category: string;
  readonly zh: string;
  readonly en: string;
  /** Hours the text gives for trouble; null when it gives none (and for operations). */
  readonly hours: number | null;
  /** The day's main-work text. */
  readonly text: string;
}

/**
 * Notable events of the period read from the main-work text with classifyMainWork: each NPT
 * cause it names (卡钻, 井漏, 修泵 …, negated ones such as 无井漏 excluded) and each milestone
 * operation (下套管, 固井, 测井, 取心, 试压, 搬安), by date then well.
 */
export function periodEvents(rows: readonly DrillingRecord[]): PeriodEvent[] {
  const events: PeriodEvent[] = [];
  for (const r of rows) {
    const work = text(r.main_work);
    const date = text(r.report_date);
    if (work === null || date === null) continue;
    const well = text(r.well_id) ?? "—";
    const found = classifyMainWork(work);
    for (const f of found.npt) {
      events.push({
        date,
        well_id: well,
        kind: "npt",
        category: f.category,
        zh: f.zh,
        en: f.en,
        hours: f.hours,
        text: work,
      });
    }
    // One line per day for its milestones: 下表层套管，固井 is "下套管、固井", not two events.
    const ops = OPERATIONS.filter((o) => NOTABLE.includes(o.id) && found.operations.includes(o.id));
    if (ops.length > 0) {
      events.push({
        date,
        well_id: well,
        kind: "operation",
        category: ops.map((o) => o.id).join(","),
        zh: ops.map((o) => o.zh).join("、"),
        en: ops.map((o) => o.en).join(", "),
        hours: null,
        text: work,
      });
    }
  }
  return events.sort((a, b) => a.date.localeCompare(b.date) || a.well_id.localeCompare(b.well_id));
}
