import { dayNumber, type DrillingRecord, num, text } from "./record.ts";

/**
 * On-bottom (pure drilling) hours of each row, aligned with `records`:
 * - `drilling_hours_h` when the row has it (≥ 0);
 * - else the rise of `on_bottom_hours_cum_h` (纯钻进累计时间, which the field's files do
 *   carry) since the same well's report of the previous calendar day, when both
 *   exist and the rise is between 0 and 24 h (a reset or a gap in reports gives null);
 * - else null.
 */
export function dailyOnBottomHours(records: readonly DrillingRecord[]): (number | null)[] {
  const cumByWellDay = new Map<string, number>();
  for (const r of records) {
    const well = text(r.well_id);
    const day = dayNumber(r.report_date);
    const cum = num(r.on_bottom_hours_cum_h);
    const key = `${well}\u0000${day}`;
    if (well !== null && day !== null && cum !== null && !cumByWellDay.has(key)) {
      cumByWellDay.set(key, cum);
    }
  }
  return records.map((r) => {
    const own = num(r.drilling_hours_h);
    if (own !== null && own >= 0) return own;
    const well = text(r.well_id);
    const day = dayNumber(r.report_date);
    const cum = num(r.on_bottom_hours_cum_h);
    if (well === null || day === null || cum === null) return null;
    const before = cumByWellDay.get(`${well}\u0000${day - 1}`);
    if (before === undefined) return null;
    const rise = cum - before;
    return rise >= 0 && rise <= 24 ? rise : null;
  });
}
