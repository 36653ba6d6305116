import { z } from "zod";
import { reportPageAnswer } from "../answers/report-answer.ts";
import { reportArgsShape, resolveReportArgs } from "../data/report-args.ts";
import { queryReports } from "../data/report-query.ts";
import { reportText } from "../answers/report-text.ts";
import { wellResolutionSchema } from "../answers/well-resolution-schema.ts";
import { KEY_WELL_DAILY } from "../schema/key-well-daily.ts";
import { storedRowSchema } from "../data/daily-rows.ts";
import { defineTool, READ_TOOL } from "../call/define-tool.ts";

const rowSchema = storedRowSchema(KEY_WELL_DAILY);

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
    return reportPageAnswer({
      table: KEY_WELL_DAILY,
      resolved: r,
      offset: args.offset,
      limit: args.limit,
      rows: rows as z.infer<typeof rowSchema>[],
      total,
      none: "没有符合条件的试采日报。 / No trial-production dailies match.",
      some: (all, shown) => `共 ${all} 条，显示 ${shown} 条。 / ${all} rows, showing ${shown}.`,
      rowText: (row) => reportText(KEY_WELL_DAILY, row, ["well_id", "report_date"]),
    });
  },
});
