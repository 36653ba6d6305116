import { z } from "zod";
import { activityNpt, isNptActivity } from "../analysis/activity-npt.ts";
import { nptCategoryInfo } from "../analysis/npt-categories.ts";
import { resolveDailyFilter } from "../data/daily-filter.ts";
import { wellResolutionSchema } from "../answers/well-resolution-schema.ts";
import type { SqlValue } from "../db/db.ts";
import { DRILLING_ACTIVITIES } from "../schema/drilling-activities.ts";
import { columnNames, rowOutputShape } from "../schema/zod.ts";
import { defineTool, READ_TOOL } from "../call/define-tool.ts";

const wellArg = z.string().trim().min(1).max(64);
const dateArg = z.string().trim().min(1).max(40);
const activityRow = z.object({ id: z.number().int(), ...rowOutputShape(DRILLING_ACTIVITIES) });

/** `get_drilling_activities`: a report day's activity lines (start, end, hours, depth, code, state) and their NPT. */
export const getDrillingActivities = defineTool({
  name: "get_drilling_activities",
  title: "作业时效明细 Drilling activities",
  description: "日报逐项作业（起止、小时、井深、作业代码、状态、说明）及非生产时间。 / " +
    "A daily report's activity lines (start, end, hours, depth, phase, code, state, comment) and their NPT by NPD code.",
  input: z.strictObject({
    well_id: wellArg,
    date: dateArg.optional().describe("默认最新一天 / default: the latest day"),
    npt_only: z.boolean().default(false).describe("只列非生产时间 / NPT lines only"),
    limit: z.number().int().min(1).max(1000).default(100),
    offset: z.number().int().min(0).default(0),
  }),
  output: z.object({
    activities: z.array(activityRow),
    total: z.number().int(),
    next_offset: z.number().int().nullable(),
    hours: z.number().describe("所选作业总小时 hours of every selected line"),
    npt: z.array(
      z.object({ category: z.string(), zh: z.string(), en: z.string(), hours: z.number() }),
    )
      .describe("非生产时间（interruption 或 fail）按类别 NPT by category"),
    dates_used: z.string().nullable(),
    wells: z.array(wellResolutionSchema),
  }),
  ...READ_TOOL,
  async run(args, ctx) {
    const r = await resolveDailyFilter(ctx.db, {
      well_id: args.well_id,
      date: args.date ?? "latest",
    }, ctx);
    const f = r.filter;
    const parts = ["a.deleted_at IS NULL", "a.well_id = ?"];
    const params: SqlValue[] = [f.well_ids![0]];
    if (f.latest) {
      parts.push(
        "a.report_date = (SELECT max(x.report_date) FROM drilling_activities x WHERE x.well_id = a.well_id AND x.deleted_at IS NULL)",
      );
    }
    if (f.date_from) (parts.push("a.report_date >= ?"), params.push(f.date_from));
    if (f.date_to) (parts.push("a.report_date <= ?"), params.push(f.date_to));
    if (args.npt_only) {
      parts.push(
        "(lower(trim(substr(a.activity_code, 1, instr(a.activity_code || '--', '--') - 1))) = 'interruption' OR lower(a.state) = 'fail')",
      );
    }
    const where = parts.join(" AND ");
    const cols = ["a.id", ...columnNames(DRILLING_ACTIVITIES).map((c) => `a.${c}`)].join(", ");
    const all = await ctx.db.execute(
      `SELECT a.activity_code, a.state, a.hours FROM drilling_activities a WHERE ${where}`,
      params,
    );
    const lines = all.rows.map((x) => ({
      activity_code: x.activity_code as string | null,
      state: x.state as string | null,
      hours: x.hours as number | null,
    }));
    const rs = await ctx.db.execute(
      `SELECT ${cols} FROM drilling_activities a WHERE ${where} ORDER BY a.report_date, a.start_time LIMIT ? OFFSET ?`,
      [...params, args.limit, args.offset],
    );
    const activities = rs.rows as z.infer<typeof activityRow>[];
    const total = lines.length;
    const hours = Math.round(lines.reduce((s, l) => s + (l.hours ?? 0), 0) * 100) / 100;
    const npt = activityNpt(lines).map((e) => ({
      ...e,
      hours: Math.round(e.hours * 100) / 100,
      zh: nptCategoryInfo(e.category).zh,
      en: nptCategoryInfo(e.category).en,
    }));
    const next = args.offset + activities.length < total ? args.offset + activities.length : null;
    const nptH = Math.round(npt.reduce((s, e) => s + e.hours, 0) * 100) / 100;
    const head = total === 0
      ? `井 ${f.well_ids![0]} 没有符合条件的作业明细。 / No activity lines of well ${
        f.well_ids![0]
      } match.`
      : `井 ${f.well_ids![0]}：${total} 项作业，共 ${hours} h，非生产时间 ${nptH} h（${
        npt.map((e) => `${e.zh} ${e.hours} h`).join("，") || "无"
      }）。 / ` +
        `well ${f.well_ids![0]}: ${total} lines, ${hours} h, NPT ${nptH} h (${
          npt.map((e) => `${e.en} ${e.hours} h`).join(", ") || "none"
        }).`;
    const body = rs.rows.map((a) =>
      `${a.report_date} ${String(a.start_time).slice(11)}–${String(a.end_time ?? "").slice(11)} ${
        a.hours ?? "—"
      } h ${a.depth_m ?? "—"} m ` +
      `${a.activity_code ?? "—"} ${a.state ?? ""}${
        isNptActivity({
            activity_code: a.activity_code as string | null,
            state: a.state as string | null,
            hours: null,
          })
          ? " [NPT]"
          : ""
      }: ${a.comment ?? ""}`
    );
    const more = next !== null ? `\n…offset=${next} 查看更多 for more.` : "";
    const dates = r.dates_used ? `\n日期 dates: ${r.dates_used}` : "";
    return {
      structured: {
        activities,
        total,
        next_offset: next,
        hours,
        npt,
        dates_used: r.dates_used,
        wells: r.wells,
      },
      text: `${head}\n\n${body.join("\n")}${more}${dates}`,
    };
  },
});
