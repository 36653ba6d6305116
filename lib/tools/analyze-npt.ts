import { z } from "zod";
import { ANALYSIS_TOOL, analysisOutput, nptSourcesSchema } from "../answers/analysis-output.ts";
import { markdownTable } from "../answers/markdown-table.ts";
import { nptCategoryInfo } from "../analysis/npt-categories.ts";
import { nptFromTotals, nptSourceNote } from "../analysis/npt.ts";
import { roundNumbers } from "../analysis/round.ts";
import { selectAnalysis } from "../data/analysis-rows.ts";
import { runJob } from "../data/run-job.ts";
import { dailyFilterShape } from "../data/daily-filter.ts";
import { nptCategoryChart, nptWellChart } from "../charts/build/npt.ts";
import type { BarSpec } from "../charts/spec.ts";
import { defineTool } from "../call/define-tool.ts";

const CATEGORY = z.enum(["equipment", "waiting", "downhole", "weather", "other"]);

/** `analyze_npt`: non-productive time by category and by well, hours and share of total time. */
export const analyzeNpt = defineTool({
  name: "analyze_npt",
  title: "非生产时间分析 NPT analysis",
  description:
    "非生产时间（NPT）按类别（设备、等停、井下复杂、天气、其他）和按井的小时数及占比，附图；依次取作业明细、npt_h、主要工作文字。筛选同 query_drilling_data。 / " +
    "NPT by category and by well: hours and share, with charts; from activity lines where present, else npt_h, else the main-work text.",
  input: z.strictObject({
    ...dailyFilterShape,
    limit: z.number().int().min(1).max(1000).default(50).describe(
      "最多列出的井数 / most wells listed",
    ),
  }),
  output: analysisOutput({
    categories: z.array(z.object({
      category: CATEGORY,
      zh: z.string().describe("类别 category (Chinese)"),
      en: z.string().describe("category (English)"),
      npt_h: z.number().describe("非生产时间 NPT (h)"),
      npt_share_pct: z.number().describe("占总时间 share of total time (%)"),
      share_of_npt_pct: z.number().describe("占全部非生产时间 share of all NPT (%)"),
    })).describe(
      "按类别，小时最多在前（可作柱状图）by category, most hours first (a bar chart's categories and values)",
    ),
    wells: z.array(z.object({
      well_id: z.string().nullable(),
      report_days: z.number().int().describe("报告日数 report days with known NPT"),
      total_time_h: z.number().describe("总时间 total time = 24 h × report days (h)"),
      npt_h: z.number().describe("非生产时间 NPT (h)"),
      npt_share_pct: z.number().describe("非生产时间占比 NPT ÷ total time (%)"),
      top_category: CATEGORY.nullable().describe("该井最多的类别 the well's largest category"),
    })).describe("按井，小时最多在前，最多 limit 口 by well, most NPT first, at most limit"),
    wells_total: z.number().int().describe("井数 wells in all (every figure covers them all)"),
    report_days: z.number().int().describe(
      "非生产时间已知的报告日数 report days whose NPT is known",
    ),
    classified_rows: z.number().int().describe(
      "其中从主要工作文字读出的行数 of those, rows read from the main-work text",
    ),
    rows_without_npt: z.number().int().describe(
      "既无 npt_h 也无主要工作文字的行数（未计入）rows with neither npt_h nor main-work text (left out)",
    ),
    rows_hours_unknown: z.number().int().describe(
      "文字提到非生产时间但未写小时数的行数（这些原因未计入）rows whose text names NPT without hours (not counted)",
    ),
    npt_sources: nptSourcesSchema,
    rows_capped: z.number().int().describe(
      "非生产时间超过 24 h 被截为 24 h 的行数 rows whose NPT exceeded 24 h and was capped",
    ),
    total_time_h: z.number().describe("总时间 total time (h)"),
    npt_h: z.number().describe("非生产时间合计 total NPT (h)"),
    npt_share_pct: z.number().nullable().describe(
      "非生产时间占比 NPT ÷ total time (%); null when no NPT is known",
    ),
  }),
  ...ANALYSIS_TOOL,
  charts: true,
  async run(args, ctx) {
    // Added up in SQL from each report's NPT derived at write time (lib/data/daily-npt.ts).
    const { resolved, filter, notes: filterNotes, dates_used, wells_resolved } =
      await selectAnalysis(ctx.db, args, ctx);
    // A job, so field-wide sums take their turn on one reader thread and leave the others to small reads.
    const totals = await runJob(ctx.db, "npt", { filter: resolved });
    const r = nptFromTotals(totals);
    const hoursUnknown = totals.hoursUnknown;
    const structured = {
      categories: r.categories.map((c) => roundNumbers(c)),
      wells: r.wells.slice(0, args.limit).map((w) => roundNumbers(w)),
      wells_total: r.wells.length,
      report_days: r.report_days,
      classified_rows: r.classified_rows,
      rows_without_npt: r.rows_without_npt,
      rows_hours_unknown: hoursUnknown,
      npt_sources: r.sources,
      rows_capped: r.rows_capped,
      ...roundNumbers({
        total_time_h: r.total_time_h,
        npt_h: r.npt_h,
        npt_share_pct: r.npt_share_pct,
      }),
      filter,
      dates_used,
      wells_resolved,
      headline: r.headline,
    };
    if (totals.rowCount === 0 || r.report_days === 0) {
      return { structured, text: `${r.headline}（筛选 filter: ${filter}）${filterNotes}` };
    }
    const label = (c: Parameters<typeof nptCategoryInfo>[0] | null) =>
      c === null ? "—" : `${nptCategoryInfo(c).zh} ${nptCategoryInfo(c).en}`;
    const categories = markdownTable(
      ["类别 Category", "非生产时间 NPT h", "占总时间 % of time", "占非生产时间 % of NPT"],
      r.categories.map((c) => [`${c.zh} ${c.en}`, c.npt_h, c.npt_share_pct, c.share_of_npt_pct]),
    );
    const wells = markdownTable(
      [
        "井号 Well",
        "报告日 Days",
        "总时间 Time h",
        "非生产时间 NPT h",
        "占比 NPT %",
        "最多类别 Largest",
      ],
      r.wells.slice(0, args.limit).map((
        w,
      ) => [
        w.well_id ?? "—",
        w.report_days,
        w.total_time_h,
        w.npt_h,
        w.npt_share_pct,
        label(w.top_category),
      ]),
    );
    const more = r.wells.length > args.limit
      ? `\n（共 ${r.wells.length} 口井，列出 ${args.limit} 口 / ${r.wells.length} wells, ${args.limit} listed）`
      : "";
    const notes = [
      nptSourceNote(r.sources),
      r.classified_rows > 0
        ? `${r.classified_rows} 个报告日的非生产时间从主要工作文字读出 / ${r.classified_rows} report days read from the main-work text`
        : "",
      hoursUnknown > 0
        ? `⚠ ${hoursUnknown} 行文字提到非生产时间但未写小时数，未计入 / ${hoursUnknown} rows name NPT without hours: not counted`
        : "",
    ].filter(Boolean).map((n) => `\n${n}`).join("");
    const charts = [nptCategoryChart(structured.categories), nptWellChart(structured.wells)].filter(
      (c): c is BarSpec => c !== null,
    );
    return {
      structured,
      charts,
      text:
        `${r.headline}\n\n${categories}\n\n${wells}${more}\n${notes}\n筛选 Filter: ${filter}${filterNotes}`,
    };
  },
});
