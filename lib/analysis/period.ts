import { mainWorkNptClassifier } from "./main-work-npt.ts";
import { dailyOnBottomHours } from "./hours.ts";
import { nptBreakdown } from "./npt.ts";
import type { NptCategoryRow, NptSources } from "./npt.ts";
import { type DrillingRecord, num, text } from "./record.ts";

/** The figures of a set of report rows over a period (one well, or all wells of a block). */
export interface PeriodFigures {
  /** Rows (report days; one row per well and day). */
  readonly report_days: number;
  readonly first_date: string | null;
  readonly last_date: string | null;
  /** Depth at the start of the period: the first report's depth minus that day's footage (m). */
  readonly depth_from_m: number | null;
  /** Depth at the last report of the period (m). */
  readonly depth_to_m: number | null;
  /** Σ footage_m over rows with a footage ≥ 0 (m). */
  readonly footage_m: number | null;
  /** Σ on-bottom hours (drilling_hours_h, else the day's rise of the cumulative hours) (h). */
  readonly on_bottom_hours_h: number | null;
  /** Mean ROP weighted by on-bottom hours: Σ(ROPᵢ·hᵢ) / Σhᵢ over rows with ROP > 0 and hours > 0 (m/h). */
  readonly rop_m_h: number | null;
  /** footage ÷ report days (m/d). */
  readonly metres_per_day_m_d: number | null;
  /** NPT (npt_h by npt_category, else read from the main-work text) (h). */
  readonly npt_h: number;
  /** NPT ÷ (24 h × report days whose NPT is known) (%); null when none is known. */
  readonly npt_share_pct: number | null;
  readonly mud_density_min_g_cm3: number | null;
  readonly mud_density_max_g_cm3: number | null;
}

/** The figures of one well, and (for a block) how it compares with the benchmark well. */
export interface PeriodWell extends PeriodFigures {
  readonly well_id: string;
}

/** Figures, NPT by category and rows of NPT bookkeeping of a period. */
export interface PeriodResult {
  readonly total: PeriodFigures;
  readonly wells: readonly PeriodWell[];
  readonly npt_categories: readonly NptCategoryRow[];
  /** Rows with neither npt_h nor main-work text (left out of NPT). */
  readonly rows_without_npt: number;
  /** Rows whose NPT was read from the main-work text. */
  readonly classified_rows: number;
  /** Report days by the source of their NPT (activity lines, npt_h, main-work text). */
  readonly npt_sources: NptSources;
}

const positive = (values: Array<number | null>) =>
  values.filter((v): v is number => v !== null && v > 0);

function figures(
  rows: readonly DrillingRecord[],
  hours: readonly (number | null)[],
  single: boolean,
): PeriodFigures {
  const dated = rows.filter((r) => text(r.report_date) !== null);
  const dates = dated.map((r) => String(r.report_date)).sort();
  const withDepth = dated.filter((r) => num(r.depth_m) !== null).sort((a, b) =>
    String(a.report_date).localeCompare(String(b.report_date))
  );
  const first = withDepth[0];
  const last = withDepth[withDepth.length - 1];
  const footages = rows.map((r) => num(r.footage_m)).filter((v): v is number =>
    v !== null && v >= 0
  );
  const footage = footages.length ? footages.reduce((a, b) => a + b, 0) : null;
  const knownHours = hours.filter((h): h is number => h !== null && h >= 0);
  let top = 0;
  let bottom = 0;
  rows.forEach((r, i) => {
    const rop = num(r.rop_m_h);
    const h = hours[i];
    if (rop !== null && rop > 0 && h !== null && h > 0) (top += rop * h, bottom += h);
  });
  const npt = nptBreakdown(rows, { classify: mainWorkNptClassifier() });
  const mud = positive(rows.map((r) => num(r.mud_density_g_cm3)));
  const firstFootage = first ? num(first.footage_m) : null;
  return {
    report_days: rows.length,
    first_date: dates[0] ?? null,
    last_date: dates[dates.length - 1] ?? null,
    depth_from_m: single && first
      ? num(first.depth_m)! - (firstFootage !== null && firstFootage >= 0 ? firstFootage : 0)
      : null,
    depth_to_m: single && last ? num(last.depth_m) : null,
    footage_m: footage,
    on_bottom_hours_h: knownHours.length ? knownHours.reduce((a, b) => a + b, 0) : null,
    rop_m_h: bottom > 0 ? top / bottom : null,
    metres_per_day_m_d: footage !== null && rows.length > 0 ? footage / rows.length : null,
    npt_h: npt.npt_h,
    npt_share_pct: npt.npt_share_pct,
    mud_density_min_g_cm3: mud.length ? Math.min(...mud) : null,
    mud_density_max_g_cm3: mud.length ? Math.max(...mud) : null,
  };
}

/**
 * The period figures of `rows` (one query's rows, any number of wells): per well and in total.
 * Depth from/to are per well (a block total has none); wells come in first-seen order.
 */
export function periodFigures(rows: readonly DrillingRecord[]): PeriodResult {
  const hours = dailyOnBottomHours(rows);
  const byWell = new Map<string, number[]>();
  rows.forEach((r, i) => {
    const id = text(r.well_id) ?? "—";
    byWell.set(id, [...(byWell.get(id) ?? []), i]);
  });
  const wells = [...byWell].map(([well_id, idx]): PeriodWell => ({
    well_id,
    ...figures(idx.map((i) => rows[i]), idx.map((i) => hours[i]), true),
  }));
  const npt = nptBreakdown(rows, { classify: mainWorkNptClassifier() });
  return {
    total: figures(rows, hours, byWell.size === 1),
    wells,
    npt_categories: npt.categories,
    rows_without_npt: npt.rows_without_npt,
    classified_rows: npt.classified_rows,
    npt_sources: npt.sources,
  };
}
