import { bilingual, fmt } from "./format.ts";
import { periodBits } from "./period-bits.ts";
import type { PeriodBit } from "./period-bits.ts";
import { periodEvents } from "./period-events.ts";
import type { PeriodEvent } from "./period-events.ts";
import { periodFigures } from "./period.ts";
import type { PeriodFigures, PeriodResult } from "./period.ts";
import { rankPeriodWells } from "./period-ranking.ts";
import type { PeriodRanking } from "./period-ranking.ts";
import { mainWorkNptClassifier } from "./main-work-npt.ts";
import { nptBreakdown } from "./npt.ts";
import { type DrillingRecord, num, text } from "./record.ts";

/** What a period report is about: one well or one block, and the dates. */
export interface PeriodSubject {
  readonly scope: "well" | "block";
  /** The well id or the block name. */
  readonly name: string;
  readonly from: string;
  readonly to: string;
  /** How the period was read, e.g. `本周 this week = 2026-11-16 – 2026-11-22`. */
  readonly label: string;
  /** Wells of the block in the well master (block reports). */
  readonly wells_in_block?: number;
}

/** One report day of a well report. */
export interface PeriodDay {
  readonly date: string;
  readonly depth_m: number | null;
  readonly footage_m: number | null;
  readonly rop_m_h: number | null;
  /** The day's NPT (npt_h, else read from the main-work text); null when unknown. */
  readonly npt_h: number | null;
}

/** A weekly (or any period's) report, every number unrounded: the period's figures (`summary` is their total) and more. */
export interface PeriodReport extends Omit<PeriodResult, "total"> {
  readonly subject: PeriodSubject;
  readonly calendar_days: number;
  readonly summary: PeriodFigures;
  readonly bits: readonly PeriodBit[];
  readonly events: readonly PeriodEvent[];
  readonly ranking: PeriodRanking | null;
  /** Report days of a well report, by date (empty for a block). */
  readonly days: readonly PeriodDay[];
  readonly headline: string;
}

function calendarDays(from: string, to: string): number {
  return Math.round(
    (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000,
  ) + 1;
}

function headline(s: PeriodSubject, f: PeriodFigures, wells: number): string {
  const who = s.scope === "well" ? s.name : `${s.name}区块`;
  const whoEn = s.scope === "well" ? `well ${s.name}` : `block ${s.name}`;
  if (f.report_days === 0) {
    return bilingual(
      `${who} 在 ${s.from} – ${s.to} 没有日报`,
      `${whoEn} has no daily reports from ${s.from} to ${s.to}`,
    );
  }
  const many = s.scope === "block" ? `${wells} 口井，` : "";
  const manyEn = s.scope === "block" ? `${wells} wells, ` : "";
  const share = f.npt_share_pct === null ? "" : `（${fmt(f.npt_share_pct)}%）`;
  const shareEn = f.npt_share_pct === null ? "" : ` (${fmt(f.npt_share_pct)}%)`;
  return bilingual(
    `${who} ${s.from} – ${s.to}：${many}${f.report_days} 个报告日，进尺 ${
      fmt(f.footage_m, 0)
    } m，平均钻速 ${fmt(f.rop_m_h)} m/h，非生产时间 ${fmt(f.npt_h)} h${share}`,
    `${whoEn} ${s.from} – ${s.to}: ${manyEn}${f.report_days} report days, ${
      fmt(f.footage_m, 0)
    } m drilled, ROP ${fmt(f.rop_m_h)} m/h, NPT ${fmt(f.npt_h)} h${shareEn}`,
  );
}

function dayOf(r: DrillingRecord): PeriodDay {
  const npt = nptBreakdown([r], { classify: mainWorkNptClassifier() });
  return {
    date: text(r.report_date) ?? "—",
    depth_m: num(r.depth_m),
    footage_m: num(r.footage_m),
    rop_m_h: num(r.rop_m_h),
    npt_h: npt.report_days > 0 ? npt.npt_h : null,
  };
}

/** Builds the report from the period's rows (one query), ranking the wells when the subject is a block. */
export function buildPeriodReport(
  subject: PeriodSubject,
  rows: readonly DrillingRecord[],
): PeriodReport {
  const figures = periodFigures(rows);
  const ranking = subject.scope === "block" ? rankPeriodWells(figures.wells) : null;
  const order = ranking ? ranking.fastest : figures.wells.map((w) => w.well_id);
  const wells = order.map((id) => figures.wells.find((w) => w.well_id === id)!);
  return {
    subject,
    calendar_days: calendarDays(subject.from, subject.to),
    summary: figures.total,
    wells,
    npt_categories: figures.npt_categories,
    rows_without_npt: figures.rows_without_npt,
    classified_rows: figures.classified_rows,
    npt_sources: figures.npt_sources,
    bits: periodBits(rows),
    events: periodEvents(rows),
    ranking,
    days: subject.scope === "well"
      ? rows.map(dayOf).sort((a, b) => a.date.localeCompare(b.date))
      : [],
    headline: headline(subject, figures.total, wells.length),
  };
}
