import { z } from "zod";
import { nptSourcesSchema } from "../answers/analysis-output.ts";
import { wellIdArg } from "../data/daily-input.ts";
import { wellInMasterField } from "../data/daily-rows.ts";
import { requireResolved, resolveWells } from "../data/resolve-wells.ts";
import { findWell } from "../data/wells.ts";
import { nptSourceNote } from "../analysis/npt.ts";
import { nptTotals } from "../data/npt-totals.ts";
import { defineTool, READ_TOOL } from "../call/define-tool.ts";

const DAY_MS = 86_400_000;

/** `get_well_summary`: where a well stands: depth, days since spud, average ROP, NPT. */
export const getWellSummary = defineTool({
  name: "get_well_summary",
  title: "单井概况 Well summary",
  description:
    "单井现状：当前井深、开钻天数、平均钻速、非生产时间及占比、最新日报。 / Where a well stands: depth, days since spud, " +
    "mean ROP, NPT and its share, latest report.",
  input: z.strictObject({
    well_id: wellIdArg,
  }),
  output: z.object({
    well_id: z.string(),
    name: z.string().nullable().describe("井名 well name"),
    block: z.string().nullable().describe("区块 block"),
    status: z.string().nullable().describe("状态 status"),
    spud_date: z.string().nullable().describe("开钻日期 spud date"),
    design_depth_m: z.number().nullable().describe("设计井深 design depth (m)"),
    current_depth_m: z.number().nullable().describe("当前井深 latest reported depth (m)"),
    progress_pct: z.number().nullable().describe("完成比例 current ÷ design depth (%)"),
    days_since_spud: z.number().int().nullable().describe(
      "开钻以来天数 days from spud to the latest report, inclusive",
    ),
    report_count: z.number().int().describe("日报条数 number of daily reports"),
    first_report_date: z.string().nullable(),
    latest_report_date: z.string().nullable(),
    total_footage_m: z.number().describe("总进尺 metres drilled (m)"),
    on_bottom_hours_h: z.number().describe("纯钻时间 on-bottom hours (h)"),
    average_rop_m_h: z.number().nullable().describe(
      "平均钻速 average ROP = footage ÷ on-bottom hours (m/h)",
    ),
    npt_hours_h: z.number().describe("非生产时间 NPT (h)，同 analyze_npt"),
    npt_share_pct: z.number().nullable().describe(
      "非生产时间占比 NPT ÷ (24 h × days of known NPT) (%)",
    ),
    npt_sources: nptSourcesSchema,
    current_formation: z.string().nullable().describe("当前地层 formation at the latest report"),
    current_mud_density_g_cm3: z.number().nullable().describe(
      "当前钻井液密度 latest mud density (g/cm³)",
    ),
    well_in_master: wellInMasterField,
    well_match: z.string().describe("井号如何识别 how the typed well id was read"),
  }),
  ...READ_TOOL,
  async run(args, { db }) {
    const [resolution] = await resolveWells(db, [args.well_id]);
    const [well_id] = requireResolved([resolution]);
    // A well that only appears in daily reports (most of the field's) is summarised from them.
    const well = (await findWell(db, well_id)) ?? {};
    const agg = (await db.execute(
      `SELECT count(*) AS n, min(report_date) AS first, max(report_date) AS last,
        coalesce(sum(footage_m), 0) AS footage, coalesce(sum(drilling_hours_h), max(on_bottom_hours_cum_h), 0) AS hours
       FROM drilling_daily WHERE well_id = ? AND deleted_at IS NULL`,
      [well_id],
    )).rows[0];
    const latest = (await db.execute(
      `SELECT depth_m, formation, mud_density_g_cm3 FROM drilling_daily WHERE well_id = ? AND deleted_at IS NULL ORDER BY report_date DESC LIMIT 1`,
      [well_id],
    )).rows[0];
    const n = Number(agg.n);
    const spud = (well.spud_date as string | undefined) ?? (agg.first as string | null);
    const last = agg.last as string | null;
    const days = spud && last
      ? Math.round((Date.parse(last) - Date.parse(spud)) / DAY_MS) + 1
      : null;
    const footage = Number(agg.footage);
    const hours = Number(agg.hours);
    // Each report's NPT as analyze_npt reads it (daily_npt: activity lines, else npt_h, else the main-work text).
    const totals = await nptTotals(db, { well_id });
    const npt = [...totals.byCategory.values()].reduce((a, b) => a + b, 0);
    const depth = (latest?.depth_m as number | undefined) ?? null;
    const design = (well.design_depth_m as number | undefined) ?? null;
    const r1 = (v: number) => Math.round(v * 10) / 10;
    const s = {
      well_id,
      name: (well.name as string | undefined) ?? null,
      block: (well.block as string | undefined) ?? null,
      status: (well.status as string | undefined) ?? null,
      spud_date: spud,
      design_depth_m: design,
      current_depth_m: depth,
      progress_pct: depth !== null && design ? r1((depth / design) * 100) : null,
      days_since_spud: days,
      report_count: n,
      first_report_date: agg.first as string | null,
      latest_report_date: last,
      total_footage_m: r1(footage),
      on_bottom_hours_h: r1(hours),
      average_rop_m_h: hours > 0 ? Math.round((footage / hours) * 100) / 100 : null,
      npt_hours_h: Math.round(npt * 100) / 100,
      npt_share_pct: totals.days > 0 ? r1((npt / (totals.days * 24)) * 100) : null,
      npt_sources: totals.sources,
      current_formation: (latest?.formation as string | undefined) ?? null,
      current_mud_density_g_cm3: (latest?.mud_density_g_cm3 as number | undefined) ?? null,
      well_in_master: resolution.in_master === true,
      well_match: resolution.note,
    };
    const flag = s.well_in_master ? "" : "\n⚠ 井号不在油井基础信息中 / well not in the well master";
    const text = (n === 0
      ? `${well_id}（${s.name ?? ""}）尚无钻井日报。 / ${well_id} has no drilling reports yet.`
      : `${well_id} ${s.name ?? ""}：井深 ${depth} m（设计 ${design ?? "—"} m，${
        s.progress_pct ?? "—"
      }%），开钻 ${days} 天，` +
        `平均钻速 ${
          s.average_rop_m_h ?? "—"
        } m/h，非生产时间 ${s.npt_hours_h} h（${s.npt_share_pct}%），当前地层 ${
          s.current_formation ?? "—"
        }。\n` +
        `${well_id}: depth ${depth} m of ${design ?? "—"} m, ${days} days since spud, average ROP ${
          s.average_rop_m_h ?? "—"
        } m/h, ` +
        `NPT ${s.npt_hours_h} h (${s.npt_share_pct}%), latest report ${last}.` +
        (nptSourceNote(totals.sources) ? `\n${nptSourceNote(totals.sources)}` : "")) + flag;
    return { structured: s, text };
  },
});
