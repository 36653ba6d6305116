import { z } from "zod";
import { reportFooter } from "../answers/report-answer.ts";
import { reportArgsShape, resolveReportArgs } from "../data/report-args.ts";
import { queryReports } from "../data/report-query.ts";
import { reportText, unitsOf } from "../answers/report-text.ts";
import { wellResolutionSchema } from "../answers/well-resolution-schema.ts";
import { KEY_WELL_DAILY } from "../schema/key-well-daily.ts";
import { rowOutputShape } from "../schema/zod.ts";
import { defineTool, READ_TOOL } from "../call/define-tool.ts";

const rowSchema = z.object({
  id: z.number().int().describe("记录号 record id"),
  ...rowOutputShape(KEY_WELL_DAILY),
  well_in_master: z.boolean().describe(
    "井号是否在油井基础信息中 whether the well is in the well master",
  ),
});

/** `get_key_well_daily`: key-well trial-production dailies, per well, layer and day. */
export const getKeyWellDaily = defineTool({
  name: "get_key_well_daily",
  title: "重点井试采日报 Key-well trial-production daily",
  description: "重点井试采日报（每井每层每天：油嘴、日产气、含水、各压力），某天、范围或最新。 / " +
    "Key-well trial-production dailies (per well, layer and day: choke, gas, water cut, pressures) on a day, a range or the latest.",
  input: z.strictObject({
    ...reportArgsShape,
    horizon: z.string().trim().min(1).max(60).optional().describe(
      "层位，包含匹配，如 J1s / horizon, substring",
    ),
  }),
  output: z.object({
    reports: z.array(rowSchema),
    total: z.number().int(),
    next_offset: z.number().int().nullable(),
    units: z.record(z.string(), z.string()).describe("各字段单位 unit of each field"),
    dates_used: z.array(z.string()),
    wells: z.array(wellResolutionSchema),
    wells_without_report: z.array(z.string()),
  }),
  ...READ_TOOL,
  async run(args, ctx) {
    const r = await resolveReportArgs(ctx.db, args, ctx);
    const extra = args.horizon
      ? { sql: "instr(lower(r.horizon), lower(?)) > 0", args: [args.horizon] }
      : undefined;
    const { rows, total } = await queryReports(ctx.db, {
      table: KEY_WELL_DAILY,
      wellIds: r.wellIds,
      selections: r.selections,
      limit: args.limit,
      offset: args.offset,
      extra,
    });
    const reports = rows as z.infer<typeof rowSchema>[];
    const seen = new Set(reports.map((x) => x.well_id));
    const missing = args.offset === 0 && reports.length < args.limit
      ? (r.wellIds ?? []).filter((id) => !seen.has(id))
      : [];
    const next = args.offset + reports.length < total ? args.offset + reports.length : null;
    const head = reports.length === 0
      ? "没有符合条件的试采日报。 / No trial-production dailies match."
      : `共 ${total} 条，显示 ${reports.length} 条。 / ${total} rows, showing ${reports.length}.` +
        (next !== null ? ` offset=${next} 查看更多 for more.` : "");
    const body = reports.map((row) => reportText(KEY_WELL_DAILY, row, ["well_id", "report_date"]));
    return {
      structured: {
        reports,
        total,
        next_offset: next,
        units: unitsOf(KEY_WELL_DAILY),
        dates_used: r.dates_used,
        wells: r.wells,
        wells_without_report: missing,
      },
      text: [head, ...body, reportFooter(r.dates_used, r.wells, missing)].join("\n\n"),
    };
  },
});
