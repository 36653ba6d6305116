import { z } from "zod";
import { reportFooter } from "../data/report-answer.ts";
import { reportArgsShape, resolveReportArgs } from "../data/report-args.ts";
import { queryReports } from "../data/report-query.ts";
import { reportText, unitsOf } from "../data/report-text.ts";
import { wellResolutionSchema } from "../data/well-resolution-schema.ts";
import { DRILLING_DAILY } from "../schema/drilling-daily.ts";
import { rowOutputShape } from "../schema/zod.ts";
import { classifyMainWork } from "../words/main-work.ts";
import { defineTool } from "./define.ts";

const reportSchema = z.object({
  id: z.number().int().describe("记录号 record id"),
  ...rowOutputShape(DRILLING_DAILY),
  well_in_master: z.boolean().describe("井号是否在油井基础信息中 whether the well is in the well master"),
  operations: z.array(z.string()).describe("由本日主要工作识别的工序 operations read from the main-work text"),
  npt_from_text: z.array(z.object({ cause: z.string(), category: z.string(), zh: z.string(), en: z.string(), hours: z.number().nullable() }))
    .describe("由本日主要工作识别的非生产时间 NPT read from the main-work text (卡钻, 井漏, 溢流, 等停, 修理 …)"),
});

/** `get_daily_report`: drilling daily reports of one or several wells on a day, days, a range, or the latest. */
export const getDailyReport = defineTool({
  name: "get_daily_report",
  title: "钻井日报 Drilling daily report",
  description:
    "查看钻井工程日报：一口或多口井，某天、多天、日期范围或最新（默认），日期可写 昨天、上周、最近7天、2021/3/5 等；" +
    "返回全部字段及单位、本日主要工作和从中识别的工序与非生产时间，并说明所用日期。井号不在基础信息中的日报也返回并标注。 / " +
    "Drilling daily reports of one or several wells on a day, several days, a range or the latest (default); dates may be " +
    "words such as 昨天 or last 7 days. Returns every field with its unit, the day's main work with the operations and NPT " +
    "read from it, and the dates used. Reports of wells missing from the well master are returned and flagged.",
  input: z.strictObject(reportArgsShape),
  output: z.object({
    reports: z.array(reportSchema),
    total: z.number().int().describe("符合条件的日报数 reports matching"),
    next_offset: z.number().int().nullable(),
    units: z.record(z.string(), z.string()).describe("各字段单位 unit of each field"),
    dates_used: z.array(z.string()).describe("所用日期 the dates the date words were read as"),
    wells: z.array(wellResolutionSchema).describe("井号如何识别 how each typed well id was read"),
    wells_without_report: z.array(z.string()).describe("所选日期无日报的井 wells with no report on those dates"),
  }),
  annotations: { readOnlyHint: true, openWorldHint: false },
  async run(args, ctx) {
    const r = await resolveReportArgs(ctx.db, args, ctx);
    const { rows, total } = await queryReports(ctx.db, { table: DRILLING_DAILY, wellIds: r.wellIds, selections: r.selections, limit: args.limit, offset: args.offset });
    const reports = rows.map((row) => {
      const c = classifyMainWork(String(row.main_work ?? ""));
      return { ...row, operations: row.main_work ? c.operations : [], npt_from_text: c.npt };
    }) as z.infer<typeof reportSchema>[];
    const seen = new Set(reports.map((x) => x.well_id));
    const missing = args.offset === 0 && reports.length < args.limit ? (r.wellIds ?? []).filter((id) => !seen.has(id)) : [];
    const next = args.offset + reports.length < total ? args.offset + reports.length : null;
    const head = reports.length === 0
      ? "没有符合条件的钻井日报。 / No drilling reports match."
      : `共 ${total} 份日报，显示 ${reports.length} 份。 / ${total} reports, showing ${reports.length}.` + (next !== null ? ` offset=${next} 查看更多 for more.` : "");
    const body = reports.map((row) => {
      const npt = row.npt_from_text.map((n) => `${n.zh} ${n.en}${n.hours !== null ? ` ${n.hours} h` : ""}`).join(", ");
      return reportText(DRILLING_DAILY, row) + (npt ? `\n- 识别的非生产时间 NPT read from the text: ${npt}` : "");
    });
    return {
      structured: { reports, total, next_offset: next, units: unitsOf(DRILLING_DAILY), dates_used: r.dates_used, wells: r.wells, wells_without_report: missing },
      text: [head, ...body, reportFooter(r.dates_used, r.wells, missing)].join("\n\n"),
    };
  },
});
