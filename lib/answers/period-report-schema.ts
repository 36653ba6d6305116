import { z } from "zod";
import { nptSourcesSchema } from "./analysis-output.ts";
import { wellResolutionSchema } from "./well-resolution-schema.ts";

const n = z.number().nullable();
const CATEGORY = z.enum(["equipment", "waiting", "downhole", "weather", "other"]);

const figures = {
  report_days: z.number().int().describe("报告日数 report rows (one per well and day)"),
  first_date: z.string().nullable(),
  last_date: z.string().nullable(),
  depth_from_m: n.describe(
    "起始井深 depth at the start of the period = first report's depth − its footage (m); null for a block",
  ),
  depth_to_m: n.describe("结束井深 depth at the last report (m); null for a block"),
  footage_m: n.describe("进尺 Σ footage (m)"),
  on_bottom_hours_h: n.describe("纯钻时间 Σ on-bottom hours (h)"),
  rop_m_h: n.describe("平均钻速 ROP weighted by on-bottom hours, Σ(ROP·h)/Σh (m/h)"),
  metres_per_day_m_d: n.describe("日进尺 footage ÷ report days (m/d)"),
  npt_h: z.number().describe("非生产时间 NPT (h)"),
  npt_share_pct: n.describe("非生产时间占比 NPT ÷ (24 h × report days with known NPT) (%)"),
  mud_density_min_g_cm3: n.describe("钻井液密度最低 lowest mud density (g/cm³)"),
  mud_density_max_g_cm3: n.describe("钻井液密度最高 highest mud density (g/cm³)"),
};

/** Output schema of get_period_report. */
export const periodReportOutput = z.object({
  scope: z.enum(["well", "block"]),
  well_id: z.string().nullable().describe("井号 the well (well reports)"),
  block: z.string().nullable().describe("区块 the block (block reports)"),
  period: z.object({
    from: z.string(),
    to: z.string(),
    label: z.string().describe("周期如何读出 how the period was read"),
    calendar_days: z.number().int(),
  }),
  wells_in_block: z.number().int().nullable().describe(
    "区块在井库中的井数 wells of the block in the well master",
  ),
  summary: z.object(figures).describe("汇总 the period's figures"),
  wells: z.array(z.object({ well_id: z.string(), ...figures })).describe(
    "各井（区块按日进尺排名）per well; a block's wells fastest (m/d) first",
  ),
  npt_categories: z.array(z.object({
    category: CATEGORY,
    zh: z.string(),
    en: z.string(),
    npt_h: z.number(),
    npt_share_pct: z.number().describe("占总时间 % of time"),
    share_of_npt_pct: z.number().describe("占非生产时间 % of NPT"),
  })).describe("非生产时间按类别，最多在前 NPT by category, most first"),
  rows_without_npt: z.number().int().describe(
    "无非生产时间数据的行 rows with neither npt_h nor main-work text",
  ),
  classified_rows: z.number().int().describe(
    "从主要工作文字读出非生产时间的行 rows whose NPT was read from the main-work text",
  ),
  npt_sources: nptSourcesSchema,
  figure_sources: z.array(
    z.object({
      field: z.enum(["depth_m", "footage_m", "rop_m_h"]),
      how: z.string(),
      days: z.number().int(),
    }),
  )
    .describe(
      "井深、进尺、钻速如何得出（天数）how depth, footage and ROP were obtained, report days each",
    ),
  bits: z.array(z.object({
    bit_type: z.string(),
    bit_diameter_mm: n,
    wells: z.array(z.string()),
    first_date: z.string(),
    last_date: z.string(),
    report_days: z.number().int(),
    footage_m: z.number(),
  })).describe("所用钻头，按首次使用 bits used, in order of first use"),
  events: z.array(z.object({
    date: z.string(),
    well_id: z.string(),
    kind: z.enum(["npt", "operation"]),
    category: z.string(),
    zh: z.string(),
    en: z.string(),
    hours: n,
    text: z.string().describe("本日主要工作 the day's main-work text"),
  })).describe("重要事件（从主要工作文字读出）notable events read from the main-work text"),
  ranking: z.object({
    fastest: z.array(z.string()).describe("日进尺从高到低 most m/d first"),
    most_npt: z.array(z.string()).describe("非生产时间从多到少 most NPT first"),
    benchmark_well: z.string().nullable().describe("标杆井 the benchmark well"),
  }).nullable().describe("区块井排名 ranking of a block's wells; null for a well"),
  days: z.array(z.object({ date: z.string(), depth_m: n, footage_m: n, rop_m_h: n, npt_h: n }))
    .describe("单井每日 a well report's days (empty for a block)"),
  wells_resolved: z.array(wellResolutionSchema).describe(
    "井号如何识别 how the typed well id was read",
  ),
  headline: z.string().describe("结论 the answer in one line, Chinese / English"),
});
