import { z } from "zod";
import { periodMarkdown } from "../answers/period-markdown.ts";
import { buildPeriodReport } from "../analysis/period-report.ts";
import type { PeriodReport } from "../analysis/period-report.ts";
import { roundDeep } from "../analysis/round-deep.ts";
import { periodCharts } from "../charts/build/period.ts";
import { resolveBlock } from "../data/block-wells.ts";
import { resolveDailyFilter } from "../data/daily-filter.ts";
import { dateWordArg, readDateRangeArg } from "../data/date-arg.ts";
import { fetchPeriodRows } from "../data/period-rows.ts";
import { figureSourceNote, figureSources, figureSourceTotals } from "../data/report-figures.ts";
import { ToolError } from "../call/tool-error.ts";
import { defineTool } from "../call/define-tool.ts";
import { ANALYSIS_TOOL } from "../answers/analysis-output.ts";
import { periodReportOutput } from "../answers/period-report-schema.ts";

/** `get_period_report`: a well's or a block's weekly (or any period's) report as Markdown, numbers and charts. */
export const getPeriodReport = defineTool({
  name: "get_period_report",
  title: "周期报告 Period (weekly) report",
  description:
    "一口井或一个区块的周报/月报：进尺、平均钻速、起止井深、非生产时间、钻井液密度、钻头、重要事件（卡钻、井漏、固井…）；" +
    "区块另有各井排名和标杆井。可直接贴进周报的 Markdown，附图。 / Weekly or monthly report of a well or block: footage, ROP, " +
    "depths, NPT, mud, bits, events; for a block its wells ranked. Markdown to paste, with charts.",
  input: z.strictObject({
    well_id: z.string().trim().min(1).max(64).optional().describe(
      "井号，或给 block / one well, or give block",
    ),
    block: z.string().trim().min(1).max(64).optional().describe("区块，如 石南 / one block"),
    period: dateWordArg.default("本周").describe(
      "本周、上周、本月、上月、最近7天 或 2026-11-01~2026-11-07 / the period",
    ),
  }),
  output: periodReportOutput,
  ...ANALYSIS_TOOL,
  charts: true,
  async run(args, ctx) {
    if ((args.well_id === undefined) === (args.block === undefined)) {
      throw new ToolError(
        "invalid",
        "请给出 well_id 或 block 之一 / give exactly one of well_id or block",
      );
    }
    const period = readDateRangeArg("period", args.period, ctx);
    let wellIds: string[];
    let name: string;
    let wellsResolved: Awaited<ReturnType<typeof resolveDailyFilter>>["wells"] = [];
    if (args.well_id !== undefined) {
      const resolved = await resolveDailyFilter(ctx.db, { well_id: args.well_id }, ctx);
      wellsResolved = resolved.wells;
      wellIds = resolved.filter.well_ids ?? [];
      name = wellIds[0];
    } else {
      const block = await resolveBlock(ctx.db, args.block!);
      wellIds = block.well_ids;
      name = block.block;
    }
    const rows = await fetchPeriodRows(ctx.db, wellIds, period.from, period.to);
    const scope = args.well_id !== undefined ? "well" as const : "block" as const;
    const subject = {
      scope,
      name,
      from: period.from,
      to: period.to,
      label: period.label,
      ...(scope === "block" ? { wells_in_block: wellIds.length } : {}),
    };
    const report: PeriodReport = roundDeep(buildPeriodReport(subject, rows));
    const sources = await figureSources(ctx.db, rows);
    const structured = {
      scope,
      well_id: scope === "well" ? name : null,
      block: scope === "block" ? name : null,
      period: {
        from: period.from,
        to: period.to,
        label: period.label,
        calendar_days: report.calendar_days,
      },
      wells_in_block: report.subject.wells_in_block ?? null,
      summary: report.summary,
      wells: [...report.wells],
      npt_categories: [...report.npt_categories],
      rows_without_npt: report.rows_without_npt,
      classified_rows: report.classified_rows,
      npt_sources: report.npt_sources,
      figure_sources: figureSourceTotals(sources),
      bits: [...report.bits],
      events: [...report.events],
      ranking: report.ranking,
      days: [...report.days],
      wells_resolved: wellsResolved,
      headline: report.headline,
    };
    const how = figureSourceNote(sources);
    const notes = wellsResolved.filter((w) => w.match !== "exact").map((w) =>
      `\n井号 well: ${w.note}`
    ).join("");
    return {
      structured,
      charts: periodCharts(report),
      text: `${report.headline}\n\n${periodMarkdown(report)}${how ? `\n\n${how}` : ""}${notes}`,
    };
  },
});
