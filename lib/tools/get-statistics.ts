import { z } from "zod";
import { nptSourcesSchema } from "../answers/analysis-output.ts";
import { dailyWhere, resolveDailyFilter } from "../data/daily-filter.ts";
import { DATE_HINT, dateWordArg } from "../data/date-arg.ts";
import type { SqlValue } from "../db/db.ts";
import { nptSourceNote } from "../analysis/npt.ts";
import { defineTool, READ_TOOL } from "../call/define-tool.ts";

const GROUPS = {
  block: "w.block",
  project: "w.exploration_project",
  well_type: "w.well_type",
  year: "d.y",
} as const;
const NOT_IN_MASTER = "(不在基础信息 not in master)";

/** `get_statistics`: counts and sums of wells and drilling reports grouped by block, project, well type or year. */
export const getStatistics = defineTool({
  name: "get_statistics",
  title: "统计 Statistics",
  description:
    "按区块、勘探项目、井型或年度统计：井数、重点井、有日报的井、日报数、总进尺、非生产时间。 / Counts by block, project, " +
    "well type or year: wells, key wells, wells reporting, reports, footage, NPT.",
  input: z.strictObject({
    group_by: z.enum(["block", "project", "well_type", "year"]).default("block"),
    block: z.string().trim().min(1).max(100).optional().describe("只统计该区块 / only this block"),
    date: dateWordArg.optional().describe(`日报日期或范围，${DATE_HINT} / report dates`),
    date_from: dateWordArg.optional(),
    date_to: dateWordArg.optional(),
  }),
  output: z.object({
    group_by: z.string(),
    groups: z.array(z.object({
      group: z.string().describe("分组值 group value"),
      wells_in_master: z.number().int().describe(
        "基础信息井数 wells in the master (for year: reporting wells in the master)",
      ),
      key_wells: z.number().int().describe("重点井数 key wells"),
      reporting_wells: z.number().int().describe("有日报的井数 wells with reports in the period"),
      reports: z.number().int().describe("日报数 drilling reports"),
      footage_m: z.number().describe("总进尺 metres drilled (m)"),
      npt_h: z.number().describe("非生产时间 NPT (h)，同 analyze_npt"),
    })),
    npt_sources: nptSourcesSchema,
    dates_used: z.string().nullable(),
  }),
  ...READ_TOOL,
  async run(args, ctx) {
    const resolved = await resolveDailyFilter(ctx.db, {
      date: args.date,
      date_from: args.date_from,
      date_to: args.date_to,
    }, ctx);
    const dw = dailyWhere(resolved.filter, "x");
    const byYear = args.group_by === "year";
    // Each report's NPT from daily_npt (derived at write time, the rule of analyze_npt), capped to the day as there.
    const d = `SELECT x.well_id, ${
      byYear ? "substr(x.report_date, 1, 4)" : "''"
    } AS y, count(*) AS n, sum(x.footage_m) AS f, sum(min(p.h, 24)) AS npt,
        sum(p.source = 'activities') AS sa, sum(p.source = 'recorded') AS sr, sum(p.source = 'text') AS st
      FROM drilling_daily x LEFT JOIN (SELECT report_id, sum(hours) AS h, max(source) AS source FROM daily_npt GROUP BY report_id) p ON p.report_id = x.id
      WHERE ${dw.sql} GROUP BY x.well_id, y`;
    const params: SqlValue[] = [...dw.args];
    const sources = (await ctx.db.execute(
      `SELECT coalesce(sum(sa), 0) AS a, coalesce(sum(sr), 0) AS r, coalesce(sum(st), 0) AS t FROM (${d})`,
      dw.args,
    )).rows[0];
    const npt_sources = {
      activities: Number(sources.a),
      recorded: Number(sources.r),
      text: Number(sources.t),
    };
    const blockWhere = args.block ? "WHERE w.block = ?" : "";
    if (args.block) params.push(args.block);
    const grp = `coalesce(${
      GROUPS[args.group_by]
    }, CASE WHEN w.well_id IS NULL THEN '${NOT_IN_MASTER}' ELSE '(空 empty)' END)`;
    const sql = byYear
      ? `WITH d AS (${d}) SELECT ${grp} AS grp, count(DISTINCT w.well_id) AS wells, count(DISTINCT CASE WHEN w.is_key_well = 1 THEN w.well_id END) AS keys,
           count(DISTINCT d.well_id) AS reporting, sum(d.n) AS reports, sum(d.f) AS footage, sum(d.npt) AS npt
         FROM d LEFT JOIN wells w ON w.well_id = d.well_id AND w.deleted_at IS NULL ${blockWhere} GROUP BY grp ORDER BY grp`
      : `WITH d AS (${d}), ids AS (SELECT well_id FROM wells WHERE deleted_at IS NULL UNION SELECT well_id FROM d)
         SELECT ${grp} AS grp, count(w.well_id) AS wells, sum(coalesce(w.is_key_well, 0)) AS keys, count(d.well_id) AS reporting,
           sum(d.n) AS reports, sum(d.f) AS footage, sum(d.npt) AS npt
         FROM ids LEFT JOIN wells w ON w.well_id = ids.well_id AND w.deleted_at IS NULL LEFT JOIN d ON d.well_id = ids.well_id
         ${blockWhere} GROUP BY grp ORDER BY reports DESC, wells DESC, grp`;
    const rs = await ctx.db.execute(sql, params);
    const r1 = (v: unknown) => Math.round(Number(v ?? 0) * 10) / 10;
    const groups = rs.rows.map((r) => ({
      group: String(r.grp),
      wells_in_master: Number(r.wells ?? 0),
      key_wells: Number(r.keys ?? 0),
      reporting_wells: Number(r.reporting ?? 0),
      reports: Number(r.reports ?? 0),
      footage_m: r1(r.footage),
      npt_h: Math.round(Number(r.npt ?? 0) * 100) / 100,
    }));
    const lines = groups.map((g) =>
      `| ${g.group} | ${g.wells_in_master} | ${g.key_wells} | ${g.reporting_wells} | ${g.reports} | ${g.footage_m} | ${g.npt_h} |`
    );
    const text = [
      `按 ${args.group_by} 分组统计 / statistics by ${args.group_by}` +
      (resolved.dates_used ? `（日期 dates: ${resolved.dates_used}）` : "（全部日期 all dates）"),
      "",
      "| 分组 Group | 井数 Wells | 重点井 Key | 有日报井 Reporting | 日报 Reports | 进尺 Footage m | NPT h |",
      "|---|---|---|---|---|---|---|",
      ...lines,
      ...(nptSourceNote(npt_sources) ? ["", nptSourceNote(npt_sources)] : []),
    ].join("\n");
    return {
      structured: { group_by: args.group_by, groups, npt_sources, dates_used: resolved.dates_used },
      text,
    };
  },
});
