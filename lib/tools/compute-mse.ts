import { z } from "zod";
import { ANALYSIS_TOOL, analysisOutput } from "../answers/analysis-output.ts";
import { fmt } from "../analysis/format.ts";
import { markdownTable } from "../answers/markdown-table.ts";
import { mseByInterval } from "../analysis/mse-interval.ts";
import { mseByRecord } from "../analysis/mse-records.ts";
import { PA_PER_PSI } from "../analysis/mse.ts";
import { roundTo } from "../analysis/round.ts";
import { selectAnalysisRows } from "../data/analysis-rows.ts";
import { dailyFilterShape } from "../data/daily-filter.ts";
import { defineTool } from "../call/define-tool.ts";

/** Most per-record values one call lists; the figures count every row. */
export const MSE_RECORD_CAP = 5000;

const psi = (mpa: number | null) => (mpa === null ? null : (mpa * 1e6) / PA_PER_PSI);
const mpa2 = (v: number | null) => roundTo(v, 2);
const psi0 = (mpa: number | null) => roundTo(psi(mpa), 0);

const highestItem = z.object({
  label: z.string().describe("位置 where: a depth interval, or well, date and depth"),
  mse_mpa: z.number().describe("机械比能 MSE (MPa)"),
  mse_psi: z.number().describe("机械比能 MSE (psi)"),
});

/** `compute_mse`: Teale's mechanical specific energy per record or per depth interval, highest first. */
export const computeMse = defineTool({
  name: "compute_mse",
  title: "机械比能 Mechanical specific energy (MSE)",
  description:
    "机械比能 MSE（Teale 公式）按深度区间或逐条记录，列出最高的；缺钻压、钻头直径、转速、扭矩或钻速时说明缺哪项。筛选同 query_drilling_data。 / Teale MSE per depth interval or record, highest listed; says which inputs are missing.",
  input: z.strictObject({
    ...dailyFilterShape,
    per: z.enum(["interval", "record"]).default("interval"),
    interval_m: z.number().min(10).max(2000).default(100),
    unit: z.enum(["MPa", "psi"]).default("MPa"),
    top: z.number().int().min(1).max(50).default(5),
    limit: z.number().int().min(1).max(MSE_RECORD_CAP).default(500).describe(
      "逐条时最多条数 / most records (per=record)",
    ),
  }),
  output: analysisOutput({
    per: z.enum(["interval", "record"]),
    interval_m: z.number().nullable().describe("深度区间长度 interval length (m); null per record"),
    intervals: z.array(z.object({
      top_m: z.number().describe("区间顶 interval top (m)"),
      bottom_m: z.number().describe("区间底 interval bottom (m)"),
      rows: z.number().int(),
      rows_with_mse: z.number().int(),
      mean_mse_mpa: z.number().nullable().describe("平均机械比能 mean MSE (MPa)"),
      mean_mse_psi: z.number().nullable().describe("平均机械比能 mean MSE (psi)"),
      median_mse_mpa: z.number().nullable().describe("机械比能中位数 median MSE (MPa)"),
    })).describe(
      "各深度区间，由浅到深（可作图：x 平均 MSE，y 深度）per interval, shallow to deep (chart: MSE against depth)",
    ),
    records: z.array(z.object({
      id: z.number().int().describe("记录号 record id"),
      well_id: z.string().nullable(),
      report_date: z.string().nullable(),
      depth_m: z.number().nullable().describe("井深 depth (m)"),
      mse_mpa: z.number().describe("机械比能 MSE (MPa)"),
      mse_psi: z.number().describe("机械比能 MSE (psi)"),
      wob_term_mpa: z.number().describe("钻压项 WOB/A (MPa)"),
      rotary_term_mpa: z.number().describe("扭矩项 120·π·N·T/(A·ROP) (MPa)"),
    })).describe(
      "逐条记录，按井和日期，最多 limit 条 per record, by well and date, at most limit (per=record only)",
    ),
    records_total: z.number().int().describe(
      "有机械比能的记录数 records with an MSE in all (0 per interval)",
    ),
    highest: z.array(highestItem).describe(
      "机械比能最高的区间或记录 the highest intervals or records, highest first",
    ),
    rows: z.number().int().describe("所选行数 rows selected"),
    rows_with_mse: z.number().int().describe("可计算的行数 rows with every input"),
    missing_inputs: z.record(z.string(), z.number().int()).describe(
      "缺少各输入的行数 rows lacking each input (wob_kn, bit_diameter_mm, rpm, torque_kn_m, rop_m_h)",
    ),
  }),
  ...ANALYSIS_TOOL,
  async run(args, ctx) {
    const { rows, filter, notes, dates_used, wells_resolved } = await selectAnalysisRows(
      ctx.db,
      args,
      ctx,
      ["depth_m", "footage_m", "wob_kn", "bit_diameter_mm", "rpm", "torque_kn_m", "rop_m_h"],
    );
    const show = (
      mpa: number | null,
    ) => (args.unit === "psi" ? `${fmt(psi(mpa), 0)} psi` : `${fmt(mpa)} MPa`);
    const common = { rows: rows.length, filter, dates_used, wells_resolved };
    // The headlines state MPa; asked for psi, the top figure is given in psi with MPa beside it.
    const lead = (headline: string, top: number | null | undefined) =>
      args.unit === "psi" && typeof top === "number"
        ? headline.replaceAll(`${fmt(top)} MPa`, `${fmt(psi(top), 0)} psi (${fmt(top)} MPa)`)
        : headline;
    // Both views end alike: the highest few, the counts, the headline, and a table of the highest.
    const answer = <S extends object>({ view, r, top, table }: {
      /** The view's own fields (per, interval_m, intervals, records, records_total). */
      view: S;
      r: { rows_with_mse: number; missing_inputs: Record<string, number>; headline: string };
      /** The highest intervals or records, highest first: each one's label and MSE (MPa). */
      top: readonly { label: string; mse: number | null }[];
      table: () => string;
    }) => {
      const structured = {
        ...view,
        highest: top.map((x) => ({
          label: x.label,
          mse_mpa: mpa2(x.mse)!,
          mse_psi: psi0(x.mse)!,
        })),
        rows_with_mse: r.rows_with_mse,
        missing_inputs: r.missing_inputs,
        headline: lead(r.headline, top.length ? top[0].mse : undefined),
        ...common,
      };
      if (top.length === 0) {
        return { structured, text: `${structured.headline}（筛选 filter: ${filter}）${notes}` };
      }
      return {
        structured,
        text: `${structured.headline}\n\n${table()}\n\n筛选 Filter: ${filter}${notes}`,
      };
    };
    if (args.per === "record") {
      const r = mseByRecord(rows);
      const highest = [...r.records].sort((a, b) => b.mse_mpa - a.mse_mpa).slice(0, args.top);
      const view = {
        per: "record" as const,
        interval_m: null,
        intervals: [],
        records: r.records.slice(0, args.limit).map((x) => ({
          id: Number(rows[x.index].id),
          well_id: x.well_id,
          report_date: x.report_date,
          depth_m: x.depth_m,
          mse_mpa: mpa2(x.mse_mpa)!,
          mse_psi: psi0(x.mse_mpa)!,
          wob_term_mpa: mpa2(x.wob_term_mpa)!,
          rotary_term_mpa: mpa2(x.rotary_term_mpa)!,
        })),
        records_total: r.records.length,
      };
      const label = (x: (typeof highest)[number]) =>
        [x.well_id, x.report_date, x.depth_m === null ? null : `${fmt(x.depth_m)} m`].filter(
          Boolean,
        ).join(" ");
      const table = () =>
        markdownTable(
          [
            "井号 Well",
            "日期 Date",
            "井深 Depth m",
            `机械比能 MSE ${args.unit}`,
            "钻压项 WOB term MPa",
            "扭矩项 Rotary term MPa",
          ],
          highest.map((
            x,
          ) => [
            x.well_id,
            x.report_date,
            x.depth_m,
            show(x.mse_mpa),
            x.wob_term_mpa,
            x.rotary_term_mpa,
          ]),
        );
      const top = highest.map((x) => ({ label: label(x), mse: x.mse_mpa }));
      return answer({ view, r, top, table });
    }
    const r = mseByInterval(rows, args.interval_m);
    const ranked = r.intervals.filter((i) => i.mean_mse_mpa !== null).sort((a, b) =>
      b.mean_mse_mpa! - a.mean_mse_mpa!
    ).slice(0, args.top);
    const span = (i: (typeof ranked)[number]) => `${fmt(i.top_m)}–${fmt(i.bottom_m)} m`;
    const view = {
      per: "interval" as const,
      interval_m: r.interval_m,
      intervals: r.intervals.map((i) => ({
        ...i,
        mean_mse_mpa: mpa2(i.mean_mse_mpa),
        mean_mse_psi: psi0(i.mean_mse_mpa),
        median_mse_mpa: mpa2(i.median_mse_mpa),
      })),
      records: [],
      records_total: 0,
    };
    const table = () =>
      markdownTable(
        [
          "深度区间 Interval",
          "行数 Rows",
          "可计算 With MSE",
          `平均机械比能 Mean MSE ${args.unit}`,
          `中位数 Median ${args.unit}`,
        ],
        ranked.map((
          i,
        ) => [span(i), i.rows, i.rows_with_mse, show(i.mean_mse_mpa), show(i.median_mse_mpa)]),
      );
    const top = ranked.map((i) => ({ label: span(i), mse: i.mean_mse_mpa }));
    return answer({ view, r, top, table });
  },
});
