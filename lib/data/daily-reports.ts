import { z } from "zod";
import { reportPageAnswer } from "../answers/report-answer.ts";
import { resolveReportArgs } from "./report-args.ts";
import type { ReportArgs } from "./report-args.ts";
import { queryReports } from "./report-query.ts";
import { reportText } from "../answers/report-text.ts";
import { DRILLING_DAILY } from "../schema/drilling-daily.ts";
import { dailyRecordSchema } from "./daily-rows.ts";
import { classifyMainWork } from "../words/main-work.ts";
import type { ToolContext } from "../call/define-tool.ts";

const reportSchema = dailyRecordSchema.extend({
  operations: z.array(z.string()).describe(
    "由本日主要工作识别的工序 operations read from the main-work text",
  ),
  npt_from_text: z.array(
    z.object({
      cause: z.string(),
      category: z.string(),
      zh: z.string(),
      en: z.string(),
      hours: z.number().nullable(),
    }),
  )
    .describe(
      "由本日主要工作识别的非生产时间 NPT read from the main-work text (卡钻, 井漏, 溢流, 等停, 修理 …)",
    ),
});

/** Output fields only the full-report view of query_drilling_data has. */
export const dailyReportOutput = {
  reports: z.array(reportSchema).optional(),
  units: z.record(z.string(), z.string()).optional().describe("各字段单位 unit of each field"),
  wells_without_report: z.array(z.string()).optional().describe(
    "所选日期无日报的井 wells with no report on those dates",
  ),
};

/**
 * Drilling daily reports of one or several wells on a day, several days, a range or the latest: every field with its
 * unit, the main work with the operations and NPT read from it, the dates used; wells missing from the master flagged.
 */
export async function dailyReports(ctx: ToolContext, args: ReportArgs) {
  const r = await resolveReportArgs(ctx.db, args, ctx);
  const { rows, total } = await queryReports(ctx.db, {
    table: DRILLING_DAILY,
    wellIds: r.wellIds,
    selections: r.selections,
    limit: args.limit,
    offset: args.offset,
  });
  const reports = rows.map((row) => {
    const c = classifyMainWork(String(row.main_work ?? ""));
    return { ...row, operations: row.main_work ? c.operations : [], npt_from_text: c.npt };
  }) as z.infer<typeof reportSchema>[];
  return reportPageAnswer({
    table: DRILLING_DAILY,
    resolved: r,
    offset: args.offset,
    limit: args.limit,
    rows: reports,
    total,
    none: "没有符合条件的钻井日报。 / No drilling reports match.",
    some: (all, shown) =>
      `共 ${all} 份日报，显示 ${shown} 份。 / ${all} reports, showing ${shown}.`,
    rowText: (row) => {
      const npt = row.npt_from_text.map((n) =>
        `${n.zh} ${n.en}${n.hours !== null ? ` ${n.hours} h` : ""}`
      ).join(", ");
      return reportText(DRILLING_DAILY, row) +
        (npt ? `\n- 识别的非生产时间 NPT read from the text: ${npt}` : "");
    },
  });
}
