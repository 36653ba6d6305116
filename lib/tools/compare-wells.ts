import { z } from "zod";
import { ANALYSIS_TOOL, analysisOutput, nptSourcesSchema } from "../answers/analysis-output.ts";
import { COMPARE_COLUMNS } from "../analysis/compare.ts";
import type { CompareColumn, WellComparison } from "../analysis/compare.ts";
import { bilingual, fmt } from "../analysis/format.ts";
import { markdownTable } from "../answers/markdown-table.ts";
import { roundNumbers } from "../analysis/round.ts";
import { nptSourceNote } from "../analysis/npt.ts";
import { selectAnalysis } from "../data/analysis-rows.ts";
import { dailyFilterShape } from "../data/daily-filter.ts";
import { offsetWells } from "../data/offset-wells.ts";
import { runJob } from "../data/run-job.ts";
import { ToolError } from "../call/tool-error.ts";
import { compareCharts } from "../charts/build/compare.ts";
import { defineTool } from "../call/define-tool.ts";

const COLUMN = z.enum(Object.keys(COMPARE_COLUMNS) as [CompareColumn, ...CompareColumn[]]);

function focusLine(w: WellComparison, wells: readonly WellComparison[]): string {
  const rank = wells.findIndex((x) => x.well_id === w.well_id) + 1;
  const npt = w.npt_share_pct === null ? "" : `，非生产时间 ${fmt(w.npt_share_pct)}%`;
  const nptEn = w.npt_share_pct === null ? "" : `, NPT ${fmt(w.npt_share_pct)}%`;
  return bilingual(
    `${w.well_id}：日进尺 ${fmt(w.metres_per_day_m_d)} m/d${npt}，钻速 ${
      fmt(w.rop_m_h)
    } m/h（${wells.length} 口井中日进尺第 ${rank}）`,
    `${w.well_id}: ${fmt(w.metres_per_day_m_d)} m/d${nptEn}, ROP ${
      fmt(w.rop_m_h)
    } m/h (#${rank} of ${wells.length} wells by m/d)`,
  );
}

/** `compare_wells`: wells side by side on days, depth, metres per day, ROP, NPT share and MSE, best marked. */
export const compareWellsTool = defineTool({
  name: "compare_wells",
  title: "井对比 Compare wells",
  description:
    "多井对比（天数、井深、日进尺、钻速、非生产时间占比、机械比能，最好的标 ★，附图）：well_ids 指定井，" +
    "或 well_id 加 offset_wells=true 比同区块邻井。 / Wells side by side (days, depth, m/d, ROP, NPT share, MSE), " +
    "best marked ★, with charts; well_ids, or well_id with offset_wells=true for its block's wells.",
  input: z.strictObject({
    ...dailyFilterShape,
    offset_wells: z.boolean().default(false),
    limit: z.number().int().min(1).max(500).default(50),
  }),
  output: analysisOutput({
    wells: z.array(z.object({
      well_id: z.string(),
      rows: z.number().int().describe("行数 report rows"),
      days: z.number().nullable().describe("钻井天数 days since spud at the last report (d)"),
      final_depth_m: z.number().nullable().describe("井深 depth at the last report (m)"),
      metres_per_day_m_d: z.number().nullable().describe(
        "日进尺 depth ÷ days (m/d); higher is better",
      ),
      rop_m_h: z.number().nullable().describe(
        "平均钻速 footage-weighted mean ROP (m/h); higher is better",
      ),
      rop_time_based_m_h: z.number().nullable().describe(
        "平均钻速 footage ÷ on-bottom hours (m/h)",
      ),
      npt_share_pct: z.number().nullable().describe(
        "非生产时间占比 NPT ÷ (24 h × report days) (%); lower is better",
      ),
      mean_mse_mpa: z.number().nullable().describe(
        "平均机械比能 mean MSE (MPa); lower is better; null without WOB, rpm, torque, bit size, ROP",
      ),
      best_in: z.array(COLUMN).describe("该井最好的列 the columns this well is best in"),
    })).describe(
      "各井，日进尺最高在前，最多 limit 口（可作分组柱状图）wells, highest m/d first, at most limit (a grouped bar chart's data)",
    ),
    wells_total: z.number().int().describe(
      "井数 wells compared in all (best marks cover them all)",
    ),
    best: z.record(COLUMN, z.array(z.string())).describe(
      "每列最好的井（并列都列出）the best well(s) of each column",
    ),
    focus_well: z.string().nullable().describe(
      "对比对象（用 offset_wells 时为所指定的井）the well compared with its offsets, if any",
    ),
    npt_sources: nptSourcesSchema,
  }),
  ...ANALYSIS_TOOL,
  charts: true,
  async run(args, ctx) {
    const { db } = ctx;
    if (args.offset_wells && !args.well_id && !args.well_ids) {
      throw new ToolError(
        "invalid",
        "offset_wells 需要 well_id：请指定要与邻井对比的井 / offset_wells needs a well_id: name the well to compare with its offset wells",
      );
    }
    const { resolved, ...sel } = await selectAnalysis(db, args, ctx, {
      expandWells: args.offset_wells ? (ids) => offsetWells(db, ids) : undefined,
    });
    // Read and compared where the rows are (a reader thread, for a local file): only the answer crosses.
    // The NPT share comes from each report's NPT added up in SQL (lib/data/analysis-jobs.ts).
    const job = await runJob(db, "compare", { filter: resolved });
    const { result } = job;
    const wellsRead = new Set(job.wells);
    const { filter: described, notes } = sel;
    const named = sel.wells_resolved.flatMap((w) => (w.well_id === null ? [] : [w.well_id]));
    const sources = job.sources;
    const focus = named.length === 1 && wellsRead.has(named[0]) && wellsRead.size > 1
      ? named[0]
      : null;
    const focused = focus === null ? null : result.wells.find((w) => w.well_id === focus)!;
    const headline = focused
      ? `${focusLine(focused, result.wells)}\n${result.headline}`
      : result.headline;
    const best = { ...result.best } as Record<CompareColumn, string[]>;
    const listed = result.wells.filter((w, i) => i < args.limit || w.well_id === focus);
    const structured = {
      wells: listed.map((w) => roundNumbers({ ...w, best_in: [...w.best_in] })),
      wells_total: result.wells.length,
      best,
      focus_well: focus,
      npt_sources: sources,
      filter: described,
      dates_used: sel.dates_used,
      wells_resolved: sel.wells_resolved,
      headline,
    };
    if (job.rows === 0) {
      return { structured, text: `${headline}（筛选 filter: ${described}）${notes}` };
    }
    const star = (w: WellComparison, c: CompareColumn) =>
      `${fmt(w[c])}${w.best_in.includes(c) ? " ★" : ""}`;
    const table = markdownTable(
      [
        "井号 Well",
        "行数 Rows",
        "天数 Days",
        "井深 Depth m",
        "日进尺 m/d",
        "钻速 ROP m/h",
        "非生产时间 NPT %",
        "机械比能 MSE MPa",
      ],
      listed.map((
        w,
      ) => [
        w.well_id === focus ? `**${w.well_id}**` : w.well_id,
        w.rows,
        w.days,
        w.final_depth_m,
        star(w, "metres_per_day_m_d"),
        star(w, "rop_m_h"),
        star(w, "npt_share_pct"),
        star(w, "mean_mse_mpa"),
      ]),
    );
    const more = listed.length < result.wells.length
      ? `\n（共 ${result.wells.length} 口井，列出 ${listed.length} 口 / ${result.wells.length} wells, ${listed.length} listed）`
      : "";
    const note =
      "★ 该列最好：日进尺、钻速越高越好，非生产时间、机械比能越低越好。 / ★ best in the column: higher m/d and ROP, lower NPT and MSE.";
    return {
      structured,
      charts: compareCharts(structured.wells, focus),
      text: `${headline}\n\n${table}${more}\n\n${note}\n${
        nptSourceNote(sources)
      }\n筛选 Filter: ${described}${notes}`,
    };
  },
});
