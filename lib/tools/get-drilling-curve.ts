import { z } from "zod";
import { ANALYSIS_TOOL, analysisOutput } from "../answers/analysis-output.ts";
import { drillingCurve, planDepthAt } from "../analysis/curve.ts";
import { noRowsHeadline } from "../analysis/format.ts";
import { markdownTable } from "../answers/markdown-table.ts";
import { roundNumbers, roundTo } from "../analysis/round.ts";
import { rowsByWell, selectAnalysisRows } from "../data/analysis-rows.ts";
import { dailyFilterShape } from "../data/daily-filter.ts";
import { masterSpudDates } from "../data/spud-dates.ts";
import { planPoints } from "../data/well-plans.ts";
import { figureSourceNote, figureSources } from "../data/report-figures.ts";
import { curveChart } from "../charts/build/curve.ts";
import { ToolError } from "../call/tool-error.ts";
import { defineTool } from "../call/define-tool.ts";

/** Most wells one call draws. */
export const CURVE_WELL_CAP = 20;
/** Points listed in the text table of a single well; the structured series has them all. */
const TEXT_POINTS = 25;

const summaryShape = z.object({
  days: z.number().nullable().describe("钻井天数 days since spud at the last report (d)"),
  final_depth_m: z.number().nullable().describe("最后井深 depth at the last report (m)"),
  max_depth_m: z.number().nullable().describe("最大井深 deepest reported depth (m)"),
  metres_per_day_m_d: z.number().nullable().describe("日进尺 final depth ÷ days (m/d)"),
  depth_decreases: z.number().int().describe(
    "井深回退次数 reports shallower than the one before (flagged, kept)",
  ),
  plan_depth_m: z.number().nullable().describe("计划井深 the plan's deepest depth (m)"),
  plan_days: z.number().nullable().describe("计划天数 plan days to reach it (d)"),
  days_to_plan_depth: z.number().nullable().describe(
    "实际达到计划井深的天数 days actually taken to reach it; null if not yet (d)",
  ),
  days_vs_plan: z.number().nullable().describe(
    "与计划相差天数 days_to_plan_depth − plan_days, negative = faster (d)",
  ),
  plan_depth_at_last_day_m: z.number().nullable().describe(
    "同期计划井深 plan depth on the last report's day (m)",
  ),
  depth_vs_plan_m: z.number().nullable().describe(
    "比计划深 final depth − plan depth then, positive = ahead (m)",
  ),
});

const wellCurve = z.object({
  well_id: z.string(),
  spud_date: z.string().nullable().describe("开钻日期 spud date (day 0)"),
  spud_source: z.enum(["record", "well_master", "first_report"]).nullable()
    .describe(
      "开钻日期来源 where the spud date came from: daily reports, the well master, or the first report",
    ),
  points: z.array(z.object({
    day: z.number().describe("钻井天数 days since spud (d)"),
    date: z.string().describe("日期 report date"),
    depth_m: z.number().describe("井深 measured depth (m)"),
    depth_decreased: z.boolean().describe(
      "井深比上一报告浅（可疑）shallower than the previous report (suspect)",
    ),
  })).describe(
    "实际曲线（可直接作图）actual curve, days ascending (chart series: x day, y depth_m)",
  ),
  plan: z.array(
    z.object({
      day: z.number().describe("计划天数 days (d)"),
      depth_m: z.number().describe("计划井深 depth (m)"),
    }),
  )
    .describe("计划曲线，无计划时为空 planned curve; empty when the well has no plan"),
  rows_skipped: z.number().int().describe(
    "无有效日期或井深而略去的行数 rows without a valid date or depth",
  ),
  depth_sources: z.array(z.object({ how: z.string(), days: z.number().int() }))
    .describe(
      "井深如何得出（天数）how the depths were obtained: the report's own figure, or as entered",
    ),
  summary: summaryShape,
  headline: z.string(),
});

function curveOf(
  id: string,
  rows: Parameters<typeof drillingCurve>[0],
  plan: Parameters<typeof planDepthAt>[0],
  master?: string,
) {
  const fromRows = rows.some((r) => typeof r.spud_date === "string" && r.spud_date.trim() !== "");
  const c = drillingCurve(rows, { plan, spudDate: fromRows ? undefined : master });
  const source = c.spud_source === "given" ? "well_master" as const : c.spud_source;
  return {
    well_id: id,
    spud_date: c.spud_date,
    spud_source: source,
    points: c.points.map((p) => ({ ...p, depth_m: roundTo(p.depth_m, 2)! })),
    plan: [...c.plan],
    rows_skipped: c.rows_skipped,
    summary: roundNumbers(c.summary, 1),
    headline: c.headline,
  };
}

function pointsTable(c: ReturnType<typeof curveOf>): string {
  const n = c.points.length;
  const picked = n <= TEXT_POINTS ? c.points : [
    ...new Set(
      Array.from(
        { length: TEXT_POINTS },
        (_, i) => Math.round((i * (n - 1)) / (TEXT_POINTS - 1)),
      ),
    ),
  ].map((i) => c.points[i]);
  const planned = c.plan.length > 0;
  const table = markdownTable(
    [
      "天数 Day",
      "日期 Date",
      "井深 Depth m",
      ...(planned ? ["计划 Plan m", "比计划 vs plan m"] : []),
    ],
    picked.map((p) => {
      const plan = planned ? planDepthAt(c.plan, p.day) : null;
      return [
        p.day,
        p.date,
        `${p.depth_m}${p.depth_decreased ? " ⚠" : ""}`,
        ...(planned ? [plan, plan === null ? null : p.depth_m - plan] : []),
      ];
    }),
  );
  if (n <= TEXT_POINTS) return table;
  const [first, last] = [c.points[0].date, c.points[n - 1].date];
  return `${table}\n（共 ${n} 点，${first} 至 ${last}，表中均匀取 ${picked.length} 点；要某段每天的井深，用 date 缩小范围，如 date="${first}~${
    c.points[Math.min(n - 1, 9)].date
  }" / ` +
    `${n} points from ${first} to ${last}, ${picked.length} shown evenly; narrow with date for every day of a stretch）`;
}

/** `get_drilling_curve`: the days-versus-depth curve of one or more wells, with the plan where one exists. */
export const getDrillingCurve = defineTool({
  name: "get_drilling_curve",
  title: "钻井曲线 Drilling curve (days vs depth)",
  description:
    `钻井曲线（井深-开钻天数），有计划时附计划曲线及提前/落后天数，附图；一次最多 ${CURVE_WELL_CAP} 口井。筛选同 query_drilling_data。 / ` +
    `Days-versus-depth curve with the plan and days ahead or behind, with a chart; at most ${CURVE_WELL_CAP} wells.`,
  input: z.strictObject({
    ...dailyFilterShape,
    include_plan: z.boolean().default(true),
  }),
  output: analysisOutput({
    wells: z.array(wellCurve).describe("每口井一条曲线 one curve per well"),
  }),
  ...ANALYSIS_TOOL,
  charts: true,
  async run(args, ctx) {
    const { db } = ctx;
    const { rows, filter, notes, dates_used, wells_resolved } = await selectAnalysisRows(
      db,
      args,
      ctx,
      ["spud_date", "depth_m"],
    );
    const byWell = rowsByWell(rows);
    if (byWell.size > CURVE_WELL_CAP) {
      throw new ToolError(
        "invalid",
        `所选数据有 ${byWell.size} 口井，钻井曲线一次最多 ${CURVE_WELL_CAP} 口：请用 well_id 或 well_ids 指定井 / the filter selects ${byWell.size} wells, a drilling curve takes at most ${CURVE_WELL_CAP}: name them with well_id or well_ids`,
      );
    }
    const ids = [...byWell.keys()];
    const [plans, spuds] = await Promise.all([
      args.include_plan ? planPoints(db, ids) : new Map(),
      masterSpudDates(db, ids),
    ]);
    const sources = await figureSources(db, rows, ["depth_m"]);
    const wells = ids.map((id) => ({
      ...curveOf(id, byWell.get(id)!, plans.get(id) ?? [], spuds.get(id)),
      depth_sources: sources.filter((c) => c.well_id === id).map((c) => ({
        how: c.how,
        days: c.days,
      })),
    }));
    const howNote = figureSourceNote(sources) ? `\n${figureSourceNote(sources)}` : "";
    const headline = wells.length === 0
      ? noRowsHeadline("钻井曲线", "drilling curve")
      : wells.map((w) => w.headline).join("\n");
    const structured = { wells, filter, dates_used, wells_resolved, headline };
    const chart = curveChart(wells);
    const charts = chart ? [chart] : [];
    if (wells.length === 0) {
      return { structured, text: `${headline}（筛选 filter: ${filter}）${notes}` };
    }
    if (wells.length === 1) {
      return {
        structured,
        charts,
        text: `${headline}\n\n${pointsTable(wells[0])}\n${howNote}\n筛选 Filter: ${filter}${notes}`,
      };
    }
    const table = markdownTable(
      [
        "井号 Well",
        "开钻 Spud",
        "天数 Days",
        "井深 Depth m",
        "日进尺 m/d",
        "计划井深 Plan m",
        "计划天数 Plan days",
        "比计划 Days vs plan",
        "同期比计划 m vs plan",
      ],
      wells.map((
        w,
      ) => [
        w.well_id,
        w.spud_date,
        w.summary.days,
        w.summary.final_depth_m,
        w.summary.metres_per_day_m_d,
        w.summary.plan_depth_m,
        w.summary.plan_days,
        w.summary.days_vs_plan,
        w.summary.depth_vs_plan_m,
      ]),
    );
    return {
      structured,
      charts,
      text: `${headline}\n\n${table}\n${howNote}\n筛选 Filter: ${filter}${notes}`,
    };
  },
});
