import { z } from "zod";
import { ANALYSIS_TOOL, analysisOutput } from "../answers/analysis-output.ts";
import { markdownTable } from "../answers/markdown-table.ts";
import { roundNumbers } from "../analysis/round.ts";
import type { RopStats } from "../analysis/rop.ts";
import { selectAnalysis } from "../data/analysis-rows.ts";
import { runJob } from "../data/run-job.ts";
import { dailyFilterShape } from "../data/daily-filter.ts";
import { ropChart } from "../charts/build/rop.ts";
import { defineTool } from "../call/define-tool.ts";

const GROUP_LABEL = {
  formation: "地层 Formation",
  bit_type: "钻头类型 Bit type",
  well_id: "井号 Well",
} as const;

const statsShape = {
  rows: z.number().int().describe("行数 rows (report days)"),
  rows_with_rop: z.number().int().describe("有钻速的行数 rows with an ROP above 0"),
  rows_without_rop: z.number().int().describe(
    "无钻速的行数 rows without ROP (no drilling that day, or not recorded): left out of every ROP figure",
  ),
  metres_drilled_m: z.number().nullable().describe("进尺 metres drilled, Σ footage (m)"),
  on_bottom_hours_h: z.number().nullable().describe("纯钻时间 on-bottom hours (h)"),
  rop_footage_weighted_m_h: z.number().nullable().describe(
    "平均钻速（进尺加权）mean ROP weighted by footage, Σ(ROP·footage)/Σ footage (m/h)",
  ),
  rop_time_based_m_h: z.number().nullable().describe(
    "平均钻速（时间）footage ÷ on-bottom hours over rows having both (m/h)",
  ),
  rop_median_m_h: z.number().nullable().describe("钻速中位数 median daily ROP (m/h)"),
  rop_p10_m_h: z.number().nullable().describe(
    "钻速 P10 (slow end) 10th percentile of daily ROP (m/h)",
  ),
  rop_p90_m_h: z.number().nullable().describe(
    "钻速 P90 (fast end) 90th percentile of daily ROP (m/h)",
  ),
};

function row(name: string, s: RopStats): (string | number | null)[] {
  return [
    name,
    s.rows,
    s.metres_drilled_m,
    s.rop_footage_weighted_m_h,
    s.rop_median_m_h,
    s.rop_p10_m_h,
    s.rop_p90_m_h,
    s.rop_time_based_m_h,
  ];
}

/** `analyze_rop`: rate of penetration by formation, bit type or well over any drilling-daily filter. */
export const analyzeRop = defineTool({
  name: "analyze_rop",
  title: "钻速分析 ROP analysis",
  description:
    "机械钻速（ROP）按地层、钻头类型或井分组的进尺、平均、中位数、P10/P90，附图：哪个地层慢、哪种钻头快。筛选同 query_drilling_data。 / ROP by formation, bit type or well: footage, weighted mean, median, P10/P90 (m/h), with a chart.",
  input: z.strictObject({
    ...dailyFilterShape,
    group_by: z.enum(["formation", "bit_type", "well_id"]).default("formation"),
    sort: z.enum(["slowest", "fastest", "metres", "rows", "name"]).default("slowest"),
    limit: z.number().int().min(1).max(1000).default(50).describe(
      "最多列出的组数 / most groups listed",
    ),
  }),
  output: analysisOutput({
    group_by: z.enum(["formation", "bit_type", "well_id"]),
    groups: z.array(
      z.object({
        group: z.string().nullable().describe(
          "组名，null 为未记录 group name, null when not recorded",
        ),
        ...statsShape,
      }),
    )
      .describe(
        "各组钻速（可直接作柱状图）ROP per group, in the order asked, at most limit (a bar chart's categories and values)",
      ),
    groups_total: z.number().int().describe(
      "组数 groups in all (the headline and total cover every group)",
    ),
    total: z.object(statsShape).describe("全部所选行 all selected rows"),
  }),
  ...ANALYSIS_TOOL,
  charts: true,
  async run(args, ctx) {
    const { resolved, ...sel } = await selectAnalysis(ctx.db, args, ctx);
    const { filter, notes } = sel;
    // Read and grouped where the rows are (a reader thread, for a local file): only the groups cross.
    const { result: r, rows } = await runJob(ctx.db, "rop", {
      filter: resolved,
      by: args.group_by,
      sort: args.sort,
    });
    const structured = {
      group_by: r.by,
      groups: r.groups.slice(0, args.limit).map((g) => roundNumbers(g)),
      groups_total: r.groups.length,
      total: roundNumbers(r.total),
      filter,
      dates_used: sel.dates_used,
      wells_resolved: sel.wells_resolved,
      headline: r.headline,
    };
    if (rows === 0) return { structured, text: `${r.headline}（筛选 filter: ${filter}）${notes}` };
    const table = markdownTable(
      [
        GROUP_LABEL[r.by],
        "行数 Rows",
        "进尺 Metres m",
        "平均钻速 Mean ROP m/h",
        "中位数 Median m/h",
        "P10 m/h",
        "P90 m/h",
        "进尺÷纯钻时间 Footage/hours m/h",
      ],
      [
        ...r.groups.slice(0, args.limit).map((g) => row(g.group ?? "未记录 not recorded", g)),
        row("合计 All", r.total),
      ],
    );
    const more = r.groups.length > args.limit
      ? `\n（共 ${r.groups.length} 组，列出 ${args.limit} 组 / ${r.groups.length} groups, ${args.limit} listed）`
      : "";
    const note =
      "平均钻速按进尺加权；P10 为慢端。 / Mean ROP is weighted by footage; P10 is the slow end.";
    const chart = ropChart(structured.group_by, structured.groups);
    return {
      structured,
      charts: chart ? [chart] : [],
      text: `${r.headline}\n\n${table}${more}\n\n${note}\n筛选 Filter: ${filter}${notes}`,
    };
  },
});
