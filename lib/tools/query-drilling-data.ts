import { z } from "zod";
import { dailyFilterShape, dailyWhere, describeFilter, resolveDailyFilter } from "../data/daily-filter.ts";
import { wellResolutionSchema } from "../data/well-resolution-schema.ts";
import { DAILY_SELECT, dailyRecordSchema, dailyTable, toDailyRow } from "../data/daily-rows.ts";
import { defineTool } from "./define.ts";

/** Most rows one call returns; page with `offset` for more. */
export const QUERY_LIMIT_CAP = 1000;

/** `query_drilling_data`: drilling daily reports, filtered, newest first, paged. */
export const queryDrillingData = defineTool({
  name: "query_drilling_data",
  title: "查询钻井日报 Query drilling daily reports",
  description:
    "查询钻井工程日报：可按井号、日期范围、井深范围、地层筛选，按日期从新到旧排列；默认返回 10 条，" +
    `每次最多 ${QUERY_LIMIT_CAP} 条，用 offset 翻页。` +
    " / Query drilling daily reports, filtered by well, date range, depth range or formation, newest first; " +
    `10 rows by default, at most ${QUERY_LIMIT_CAP} per call, page with offset.`,
  input: z.strictObject({
    ...dailyFilterShape,
    limit: z.number().int().min(1).max(QUERY_LIMIT_CAP).default(10)
      .describe(`返回条数 rows to return (1–${QUERY_LIMIT_CAP}, default 10)`),
    offset: z.number().int().min(0).max(10_000_000).default(0).describe("跳过条数 rows to skip, for paging"),
    include_total: z.boolean().default(false)
      .describe("是否统计符合条件的总条数（大表上较慢）whether to count every matching row (slower on large tables)"),
  }),
  output: z.object({
    records: z.array(dailyRecordSchema),
    total: z.number().int().nullable().describe("符合条件的总条数，仅在 include_total 时给出 rows matching the filter, only with include_total"),
    has_more: z.boolean().describe("是否还有下一页 whether more rows follow"),
    offset: z.number().int(),
    limit: z.number().int(),
    limit_cap: z.number().int().describe("每次最多返回条数 most rows one call returns"),
    next_offset: z.number().int().nullable().describe("下一页的 offset，没有更多时为 null / offset of the next page, null when none"),
    filter: z.string().describe("所用筛选条件 the filter applied"),
    dates_used: z.string().nullable().describe("所用日期（由日期词语换算）the dates the date words were read as"),
    wells: z.array(wellResolutionSchema).describe("井号如何识别 how each typed well id was read"),
  }),
  annotations: { readOnlyHint: true, openWorldHint: false },
  async run(args, ctx) {
    const { db } = ctx;
    const resolved = await resolveDailyFilter(db, args, ctx);
    const where = dailyWhere(resolved.filter);
    // One row past the page tells whether another page follows, without counting the table.
    const [page, count] = await Promise.all([
      db.execute(
        `SELECT ${DAILY_SELECT} FROM drilling_daily d WHERE ${where.sql} ORDER BY d.report_date DESC, d.id DESC LIMIT ? OFFSET ?`,
        [...where.args, args.limit + 1, args.offset],
      ),
      args.include_total ? db.execute(`SELECT count(*) AS n FROM drilling_daily d WHERE ${where.sql}`, where.args) : null,
    ]);
    const total = count ? Number(count.rows[0].n) : null;
    const hasMore = page.rows.length > args.limit;
    const records = page.rows.slice(0, args.limit).map(toDailyRow);
    const next = hasMore ? args.offset + records.length : null;
    const filter = describeFilter(resolved.filter);
    const dates = resolved.dates_used ? `\n日期 dates: ${resolved.dates_used}` : "";
    const wellNotes = resolved.wells.filter((w) => w.match !== "exact").map((w) => `\n井号 well: ${w.note}`).join("");
    const range = `${args.offset + 1}–${args.offset + records.length}`;
    const head = records.length === 0
      ? `没有符合条件的钻井日报（${filter}）。 / No drilling reports match (${filter}).`
      : `${total !== null ? `共 ${total} 条，` : ""}显示第 ${range} 条（${filter}）。 / ${total !== null ? `${total} rows match, ` : ""}showing ${range}.` +
        (next !== null ? ` 还有更多，下一页 more follow, next page: offset=${next}` : "");
    const orphan = records.some((r) => !r.well_in_master) ? "\n⚠ 井号不在油井基础信息中 / well not in the well master" : "";
    return {
      structured: {
        records, total, has_more: hasMore, offset: args.offset, limit: args.limit, limit_cap: QUERY_LIMIT_CAP, next_offset: next, filter,
        dates_used: resolved.dates_used, wells: resolved.wells,
      },
      text: (records.length ? `${head}\n\n${dailyTable(records)}${orphan}` : head) + dates + wellNotes,
    };
  },
});
