import { z } from "zod";
import {
  dailyFilterShape,
  dailyWhere,
  describeFilter,
  resolveDailyFilter,
} from "../data/daily-filter.ts";
import { wellResolutionSchema } from "../answers/well-resolution-schema.ts";
import { DAILY_SELECT, dailyRecordSchema, dailyTable, toDailyRow } from "../data/daily-rows.ts";
import { ToolError } from "../call/tool-error.ts";
import { defineTool, READ_TOOL } from "../call/define-tool.ts";
import { dailyReportOutput, dailyReports } from "../data/daily-reports.ts";

/** Most rows one call returns; page with `offset` for more. */
export const QUERY_LIMIT_CAP = 1000;

/** Filters the full-report view does not take (it selects by well and date only). */
const TABLE_ONLY = [
  "date_from",
  "date_to",
  "depth_min_m",
  "depth_max_m",
  "formation",
  "include_total",
] as const;

/** `query_drilling_data`: drilling daily reports, filtered, newest first, paged: a table, or each report in full. */
export const queryDrillingData = defineTool({
  name: "query_drilling_data",
  title: "查询钻井日报 Query drilling daily reports",
  description:
    "查询钻井日报，按井号、日期、井深、地层筛选，新的在前，offset 翻页。view=table（默认）为表格；view=report 为每份日报全文" +
    "及从本日主要工作识别的工序和非生产时间（只按井号和日期筛选，不写 date 为每井最新一天）。 / " +
    "Drilling daily reports filtered by well, date (words such as yesterday), depth or formation, newest first, paged with offset. " +
    "view=table (default) gives a table; view=report each report in full with the operations and NPT read from its main-work text " +
    "(no date: each well's latest; filters by well and date only).",
  input: z.strictObject({
    ...dailyFilterShape,
    view: z.enum(["table", "report"]).default("table"),
    limit: z.number().int().min(1).max(QUERY_LIMIT_CAP).default(10),
    offset: z.number().int().min(0).max(10_000_000).default(0),
    include_total: z.boolean().default(false).describe(
      "统计总条数（大表较慢） / count all matches (slower)",
    ),
  }),
  output: z.object({
    view: z.enum(["table", "report"]),
    records: z.array(dailyRecordSchema).optional(),
    total: z.number().int().nullable().describe(
      "符合条件的总条数（表格仅在 include_total 时给出） rows matching the filter (table: only with include_total)",
    ),
    has_more: z.boolean().optional().describe("是否还有下一页 whether more rows follow"),
    offset: z.number().int().optional(),
    limit: z.number().int().optional(),
    limit_cap: z.number().int().optional().describe("每次最多返回条数 most rows one call returns"),
    next_offset: z.number().int().nullable().describe(
      "下一页的 offset，没有更多时为 null / offset of the next page, null when none",
    ),
    filter: z.string().optional().describe("所用筛选条件 the filter applied"),
    dates_used: z.union([z.string(), z.array(z.string())]).nullable().describe(
      "所用日期（由日期词语换算）the dates the date words were read as",
    ),
    wells: z.array(wellResolutionSchema).describe("井号如何识别 how each typed well id was read"),
    ...dailyReportOutput,
  }),
  ...READ_TOOL,
  async run(args, ctx) {
    const { db } = ctx;
    if (args.view === "report") {
      const extra = TABLE_ONLY.filter((k) => args[k] !== undefined && args[k] !== false);
      if (extra.length) {
        throw new ToolError(
          "invalid",
          `view=report 只按井号和日期筛选，请去掉 ${
            extra.map((k) => `"${k}"`).join("、")
          } 或用 view=table / ` +
            `view=report selects by well and date only: drop ${
              extra.map((k) => `"${k}"`).join(", ")
            } or use view=table`,
        );
      }
      const report = await dailyReports(ctx, {
        well_id: args.well_id,
        well_ids: args.well_ids,
        date: args.date ?? "latest",
        limit: args.limit,
        offset: args.offset,
      });
      return { structured: { view: "report" as const, ...report.structured }, text: report.text };
    }
    const resolved = await resolveDailyFilter(db, args, ctx);
    const where = dailyWhere(resolved.filter);
    // One row past the page tells whether another page follows, without counting the table.
    const [page, count] = await Promise.all([
      db.execute(
        `SELECT ${DAILY_SELECT} FROM drilling_daily d WHERE ${where.sql} ORDER BY d.report_date DESC, d.id DESC LIMIT ? OFFSET ?`,
        [...where.args, args.limit + 1, args.offset],
      ),
      args.include_total
        ? db.execute(`SELECT count(*) AS n FROM drilling_daily d WHERE ${where.sql}`, where.args)
        : null,
    ]);
    const total = count ? Number(count.rows[0].n) : null;
    const hasMore = page.rows.length > args.limit;
    const records = page.rows.slice(0, args.limit).map(toDailyRow);
    const next = hasMore ? args.offset + records.length : null;
    const filter = describeFilter(resolved.filter);
    const dates = resolved.dates_used ? `\n日期 dates: ${resolved.dates_used}` : "";
    const wellNotes = resolved.wells.filter((w) => w.match !== "exact").map((w) =>
      `\n井号 well: ${w.note}`
    ).join("");
    const range = `${args.offset + 1}–${args.offset + records.length}`;
    const head = records.length === 0
      ? `没有符合条件的钻井日报（${filter}）。 / No drilling reports match (${filter}).`
      : `${total !== null ? `共 ${total} 条，` : ""}显示第 ${range} 条（${filter}）。 / ${
        total !== null ? `${total} rows match, ` : ""
      }showing ${range}.` +
        (next !== null ? ` 还有更多，下一页 more follow, next page: offset=${next}` : "");
    const orphan = records.some((r) => !r.well_in_master)
      ? "\n⚠ 井号不在油井基础信息中 / well not in the well master"
      : "";
    return {
      structured: {
        view: "table" as const,
        records,
        total,
        has_more: hasMore,
        offset: args.offset,
        limit: args.limit,
        limit_cap: QUERY_LIMIT_CAP,
        next_offset: next,
        filter,
        dates_used: resolved.dates_used,
        wells: resolved.wells,
      },
      text: (records.length ? `${head}\n\n${dailyTable(records)}${orphan}` : head) + dates +
        wellNotes,
    };
  },
});
