import { activityLinesOf } from "./activity-lines.ts";
import { activityNpt } from "./activity-npt.ts";
import { bilingual, fmt, noRowsHeadline, rows } from "./format.ts";
import {
  NPT_CATEGORIES,
  type NptCategory,
  nptCategory,
  nptCategoryInfo,
} from "./npt-categories.ts";
import { type DrillingRecord, num, text } from "./record.ts";

/** One NPT entry read from a main-work text; `category` is a key or label nptCategory() understands. */
export interface NptEntry {
  readonly category: string;
  readonly hours: number;
}
/** Reads NPT out of a row's main-work text (本日主要工作); an empty list means "no NPT in this text". */
export type NptClassifier = (main_work: string) => readonly NptEntry[];

/** Options of nptBreakdown. */
export interface NptOptions {
  /** Used for rows without an `npt_h` value that have main-work text. */
  readonly classify?: NptClassifier;
  /** Total time of one report day; default 24 h. */
  readonly hoursPerDay?: number;
}

/** NPT of one category over all report days. */
export interface NptCategoryRow {
  readonly category: NptCategory;
  readonly zh: string;
  readonly en: string;
  readonly npt_h: number;
  /** npt_h / total time of all report days × 100. */
  readonly npt_share_pct: number;
  /** npt_h / all NPT × 100; 0 when there is no NPT. */
  readonly share_of_npt_pct: number;
}

/** NPT of one well. */
export interface NptWellRow {
  readonly well_id: string | null;
  readonly report_days: number;
  readonly total_time_h: number;
  readonly npt_h: number;
  readonly npt_share_pct: number;
  /** The category with the most hours in this well; null when it had no NPT. */
  readonly top_category: NptCategory | null;
}

/** Report days counted by the source of their NPT (best first: activities, recorded npt_h, text). */
export interface NptSources {
  readonly activities: number;
  readonly recorded: number;
  readonly text: number;
}

/** Where a row's NPT came from. */
export type NptSource = keyof NptSources;

/** What nptBreakdown returns. */
export interface NptResult {
  /** All five categories, most hours first (ties in NPT_CATEGORIES order). */
  readonly categories: readonly NptCategoryRow[];
  /** Wells, most NPT hours first. */
  readonly wells: readonly NptWellRow[];
  /** Rows whose NPT is known (from npt_h or the classifier); each is one report day. */
  readonly report_days: number;
  /** Of those, rows whose NPT came from the classifier. */
  readonly classified_rows: number;
  /** Rows with neither npt_h nor classifiable main-work text: left out of every figure. */
  readonly rows_without_npt: number;
  /** Rows whose NPT exceeded hoursPerDay and was scaled down to it. */
  readonly rows_capped: number;
  /** Report days by where their NPT came from: activity lines, the npt_h column, the main-work text. */
  readonly sources: NptSources;
  readonly total_time_h: number;
  readonly npt_h: number;
  readonly npt_share_pct: number | null;
  readonly headline: string;
}

/**
 * The NPT hours per category of one row and their source, or null when the row says nothing
 * about NPT. Best source first: the day's activity lines (`activity_lines`, measured hours in
 * the NPD scheme, see activityNpt), then `npt_h`, then the main-work text.
 */
export function rowNpt(
  r: DrillingRecord,
  classify: NptClassifier | undefined,
): { entries: Map<NptCategory, number>; source: NptSource } | null {
  const entries = new Map<NptCategory, number>();
  const add = (category: unknown, hours: unknown) => {
    const h = num(hours);
    if (h === null || h <= 0) return;
    const key = nptCategory(category);
    entries.set(key, (entries.get(key) ?? 0) + h);
  };
  const lines = activityLinesOf(r.activity_lines);
  if (lines) {
    for (const e of activityNpt(lines)) add(e.category, e.hours);
    return { entries, source: "activities" };
  }
  const own = num(r.npt_h);
  if (own !== null && own >= 0) {
    add(r.npt_category, own);
    return { entries, source: "recorded" };
  }
  const work = text(r.main_work);
  if (!classify || work === null) return null;
  for (const e of classify(work)) add(e.category, e.hours);
  return { entries, source: "text" };
}

/**
 * NPT hours by category and by well, with shares of total time.
 *
 * A row's NPT is its `npt_h` (filed under `npt_category`, `other` when blank); a row
 * without `npt_h` but with main-work text uses `opts.classify`; any other row counts
 * in `rows_without_npt` only. Total time = hoursPerDay (24 h) per row whose NPT is
 * known, i.e. per report day; rows of unknown NPT add no time, so they cannot dilute
 * the share. A row whose NPT exceeds hoursPerDay is scaled down to it (rows_capped).
 */
export function nptBreakdown(records: readonly DrillingRecord[], opts: NptOptions = {}): NptResult {
  const day = checkedDay(opts.hoursPerDay);
  const byCategory = new Map<NptCategory, number>(NPT_CATEGORIES.map((c) => [c.key, 0]));
  const byWell = new Map<string | null, { days: number; npt: Map<NptCategory, number> }>();
  let days = 0, capped = 0, without = 0;
  const sources = { activities: 0, recorded: 0, text: 0 };
  for (const r of records) {
    const found = rowNpt(r, opts.classify);
    if (!found) {
      without++;
      continue;
    }
    days++;
    sources[found.source]++;
    const rowTotal = [...found.entries.values()].reduce((a, b) => a + b, 0);
    const scale = rowTotal > day ? day / rowTotal : 1;
    if (scale < 1) capped++;
    const well = text(r.well_id);
    const w = byWell.get(well) ?? { days: 0, npt: new Map<NptCategory, number>() };
    byWell.set(well, w);
    w.days++;
    for (const [key, hours] of found.entries) {
      byCategory.set(key, byCategory.get(key)! + hours * scale);
      w.npt.set(key, (w.npt.get(key) ?? 0) + hours * scale);
    }
  }
  return nptFromTotals({
    rowCount: records.length,
    days,
    sources,
    capped,
    without,
    byCategory,
    byWell,
  }, day);
}

function checkedDay(hoursPerDay: number | undefined): number {
  const day = hoursPerDay ?? 24;
  if (!(day > 0 && day <= 24)) {
    throw new Error(
      `每日小时数无效 "${day}" / hoursPerDay is invalid "${day}": use a number of hours above 0 and at most 24`,
    );
  }
  return day;
}

/** What nptBreakdown adds up from the rows (or SQL adds up from daily_npt, lib/data/npt-totals.ts). */
export interface NptTotals {
  /** Rows selected, NPT known or not. */
  readonly rowCount: number;
  readonly days: number;
  /** Report days by the source of their NPT (`text`: read by the classifier). */
  readonly sources: NptSources;
  readonly capped: number;
  readonly without: number;
  /** Hours per category, each row's capped to the day. */
  readonly byCategory: ReadonlyMap<NptCategory, number>;
  /** Per well: report days with known NPT, and hours per category in the order first met. */
  readonly byWell: ReadonlyMap<
    string | null,
    { readonly days: number; readonly npt: ReadonlyMap<NptCategory, number> }
  >;
}

/** The NptResult of totals (see nptBreakdown); `hoursPerDay` as there, default 24 h. */
export function nptFromTotals(t: NptTotals, hoursPerDay?: number): NptResult {
  const day = checkedDay(hoursPerDay);
  const total = t.days * day;
  const npt = [...t.byCategory.values()].reduce((a, b) => a + b, 0);
  const pct = (part: number, whole: number) => (whole > 0 ? (100 * part) / whole : 0);
  const hoursOf = (key: NptCategory) => t.byCategory.get(key) ?? 0;
  const categories = NPT_CATEGORIES.map((c): NptCategoryRow => ({
    category: c.key,
    zh: c.zh,
    en: c.en,
    npt_h: hoursOf(c.key),
    npt_share_pct: pct(hoursOf(c.key), total),
    share_of_npt_pct: pct(hoursOf(c.key), npt),
  })).sort((a, b) => b.npt_h - a.npt_h);
  const wells = [...t.byWell].map(([well_id, w]): NptWellRow => {
    const hours = [...w.npt.values()].reduce((a, b) => a + b, 0);
    const top = [...w.npt].sort((a, b) => b[1] - a[1])[0];
    return {
      well_id,
      report_days: w.days,
      total_time_h: w.days * day,
      npt_h: hours,
      npt_share_pct: pct(hours, w.days * day),
      top_category: top && top[1] > 0 ? top[0] : null,
    };
  }).sort((a, b) =>
    b.npt_h - a.npt_h || b.npt_share_pct - a.npt_share_pct ||
    String(a.well_id).localeCompare(String(b.well_id))
  );
  const result = {
    categories,
    wells,
    report_days: t.days,
    classified_rows: t.sources.text,
    rows_without_npt: t.without,
    rows_capped: t.capped,
    sources: t.sources,
    total_time_h: total,
    npt_h: npt,
    npt_share_pct: total > 0 ? pct(npt, total) : null,
  };
  return { ...result, headline: nptHeadline(result, t.rowCount) };
}

/**
 * Which sources the NPT of a result came from, in words, e.g. `非生产时间来源：作业明细 96 天 / NPT
 * from: activity lines 96 days`; empty when none is known.
 */
export function nptSourceNote(s: NptSources): string {
  const parts: [string, string, number][] = [
    ["作业明细（按 NPD 作业代码计时）", "activity lines (timed, NPD activity codes)", s.activities],
    ["npt_h 列", "the npt_h column", s.recorded],
    ["主要工作文字", "the main-work text", s.text],
  ];
  const used = parts.filter((p) => p[2] > 0);
  if (used.length === 0) return "";
  return `非生产时间来源：${used.map((p) => `${p[0]} ${p[2]} 天`).join("，")} / NPT from: ${
    used.map((p) => `${p[1]} ${p[2]} days`).join(", ")
  }`;
}

function nptHeadline(r: Omit<NptResult, "headline">, rowCount: number): string {
  if (rowCount === 0) return noRowsHeadline("非生产时间分析", "NPT analysis");
  if (r.report_days === 0) {
    return bilingual(
      `${rowCount} 行均无非生产时间数据（无 npt_h，且未按主要工作文字分类）`,
      `none of ${rows(rowCount)} has NPT data (no npt_h, and no main-work text classified)`,
    );
  }
  const missZh = r.rows_without_npt > 0 ? `；${r.rows_without_npt} 行无非生产时间数据` : "";
  const missEn = r.rows_without_npt > 0 ? `; ${rows(r.rows_without_npt)} had no NPT data` : "";
  const head = `${fmt(r.npt_h)} h`;
  const share = `${fmt(r.npt_share_pct)}%`;
  if (r.npt_h === 0) {
    return bilingual(
      `非生产时间 0 h（${r.report_days} 个报告日）${missZh}`,
      `NPT 0 h (${rows(r.report_days, "report day")})${missEn}`,
    );
  }
  const top = nptCategoryInfo(r.categories[0].category);
  const well = r.wells[0];
  const wellZh = well.well_id !== null && r.wells.length > 1
    ? `；最多的井 ${well.well_id} ${fmt(well.npt_h)} h`
    : "";
  const wellEn = well.well_id !== null && r.wells.length > 1
    ? `; most in well ${well.well_id} ${fmt(well.npt_h)} h`
    : "";
  return bilingual(
    `非生产时间 ${head}，占总时间 ${share}（${r.report_days} 个报告日）；最多：${top.zh} ${
      fmt(r.categories[0].npt_h)
    } h${wellZh}${missZh}`,
    `NPT ${head}, ${share} of ${fmt(r.total_time_h)} h (${
      rows(r.report_days, "report day")
    }); largest: ${top.en} ${fmt(r.categories[0].npt_h)} h${wellEn}${missEn}`,
  );
}
