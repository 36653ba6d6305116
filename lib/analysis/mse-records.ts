import { bilingual, fmt, noRowsHeadline, rows } from "./format.ts";
import { mseSI } from "./mse.ts";
import type { MseSIResult } from "./mse.ts";
import { type DrillingRecord, num, text } from "./record.ts";

/** The MSE of one report row, from its WOB, bit size, rpm, torque and ROP as stored. */
export function mseOfRecord(r: DrillingRecord): MseSIResult {
  return mseSI({
    wob_kn: num(r.wob_kn),
    bit_diameter_mm: num(r.bit_diameter_mm),
    rpm: num(r.rpm),
    torque_kn_m: num(r.torque_kn_m),
    rop_m_h: num(r.rop_m_h),
  });
}

/** The MSE of one report row that has every input. */
export interface MseRecord {
  /** Position of the row in the records given. */
  readonly index: number;
  readonly well_id: string | null;
  readonly report_date: string | null;
  readonly depth_m: number | null;
  readonly mse_mpa: number;
  readonly wob_term_mpa: number;
  readonly rotary_term_mpa: number;
}

/** What mseByRecord returns. */
export interface MseRecordResult {
  /** Rows with an MSE, in the order given. */
  readonly records: readonly MseRecord[];
  readonly rows: number;
  readonly rows_with_mse: number;
  /** How many rows lacked each MSE input (wob_kn, bit_diameter_mm, rpm, torque_kn_m, rop_m_h). */
  readonly missing_inputs: Readonly<Record<string, number>>;
  readonly headline: string;
}

/**
 * Teale's MSE (mseSI, MPa) of every row that has all five inputs, with counts of the
 * inputs the others lack, and a headline naming the highest row.
 */
export function mseByRecord(records: readonly DrillingRecord[]): MseRecordResult {
  const found: MseRecord[] = [];
  const missing: Record<string, number> = {};
  records.forEach((r, index) => {
    const m = mseOfRecord(r);
    for (const k of m.missing) missing[k] = (missing[k] ?? 0) + 1;
    if (m.mse_mpa === null) return;
    found.push({
      index,
      well_id: text(r.well_id),
      report_date: text(r.report_date),
      depth_m: num(r.depth_m),
      mse_mpa: m.mse_mpa,
      wob_term_mpa: m.wob_term_mpa!,
      rotary_term_mpa: m.rotary_term_mpa!,
    });
  });
  const result = {
    records: found,
    rows: records.length,
    rows_with_mse: found.length,
    missing_inputs: missing,
  };
  return { ...result, headline: headline(result) };
}

function headline(r: Omit<MseRecordResult, "headline">): string {
  if (r.rows === 0) return noRowsHeadline("机械比能分析", "MSE analysis");
  const lacks = Object.entries(r.missing_inputs).sort((a, b) => b[1] - a[1]);
  const lackZh = lacks.length ? `：缺少 ${lacks.map(([k, n]) => `${k} ${n} 行`).join("、")}` : "";
  const lackEn = lacks.length
    ? `: missing ${lacks.map(([k, n]) => `${k} in ${n}`).join(", ")}`
    : "";
  if (r.records.length === 0) {
    return bilingual(
      `${r.rows} 行均无法计算机械比能${lackZh}`,
      `MSE could not be computed for any of ${rows(r.rows)}${lackEn}`,
    );
  }
  const top = r.records.reduce((a, b) => (b.mse_mpa > a.mse_mpa ? b : a));
  const where = [
    top.well_id,
    top.report_date,
    top.depth_m === null ? null : `${fmt(top.depth_m)} m`,
  ].filter(Boolean).join(" ");
  const left = r.rows - r.rows_with_mse;
  return bilingual(
    `机械比能最高 ${where}：${fmt(top.mse_mpa)} MPa（${r.rows_with_mse} 行可计算${
      left ? `，${left} 行未计入${lackZh.replace("：", "，")}` : ""
    }）`,
    `highest MSE ${where}: ${fmt(top.mse_mpa)} MPa (${rows(r.rows_with_mse)} computed${
      left ? `; ${rows(left)} left out${lackEn}` : ""
    })`,
  );
}
