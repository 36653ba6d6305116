import { z } from "zod";
import { DATE_HINT, dateWordArg, readDateArg } from "../data/date-arg.ts";
import { wellInMasterField } from "../data/daily-rows.ts";
import { resolveNamedWells } from "../data/resolve-wells.ts";
import { wellResolutionSchema } from "../answers/well-resolution-schema.ts";
import type { SqlValue } from "../db/db.ts";
import { MILESTONES, PRE_DRILLING } from "../schema/pre-drilling.ts";
import { columnNames, rowOutputShape } from "../schema/zod.ts";
import { defineTool, READ_TOOL } from "../call/define-tool.ts";

const step = z.object({
  name: z.string(),
  code: z.string().nullable(),
  zh: z.string(),
  en: z.string(),
  date: z.string(),
});

const wellSchema = z.object({
  ...rowOutputShape(PRE_DRILLING),
  well_in_master: wellInMasterField,
  reached: z.number().int().describe("已完成节点数 milestones reached (of 16)"),
  last_step: step.nullable().describe("最近完成的节点 the latest milestone reached"),
  next_step: step.omit({ date: true }).nullable().describe(
    "下一节点 the next milestone, null when all are reached",
  ),
  in_period: z.array(step).describe("所选期间完成的节点 milestones reached in the chosen period"),
});

/** `get_pre_drilling_milestones`: the sixteen pre-drilling dates of wells, with where each well stands. */
export const getPreDrillingMilestones = defineTool({
  name: "get_pre_drilling_milestones",
  title: "钻前工程进度 Pre-drilling milestones",
  description:
    "钻前工程进度（井位论证到搬家安装 16 个节点）：每井当前与下一节点；给 date 只列该期间完成的节点。 / " +
    "Pre-drilling milestones (16 steps to rig-up): each well's current and next step; date lists only steps reached then.",
  input: z.strictObject({
    well_id: z.string().trim().min(1).max(64).optional().describe(
      "井号，照用户写法 / well id as typed",
    ),
    well_ids: z.array(z.string().trim().min(1).max(64)).min(1).max(100).optional(),
    exploration_project: z.string().trim().min(1).max(100).optional().describe(
      "勘探项目，包含匹配 / substring",
    ),
    year: z.number().int().min(1990).max(2100).optional().describe("实施年度 / year"),
    date: dateWordArg.optional().describe(`日期或范围，${DATE_HINT} / a day or range`),
    limit: z.number().int().min(1).max(500).default(50),
  }),
  output: z.object({
    wells: z.array(wellSchema),
    total: z.number().int(),
    dates_used: z.string().nullable(),
    well_matches: z.array(wellResolutionSchema),
  }),
  ...READ_TOOL,
  async run(args, ctx) {
    const matches = await resolveNamedWells(ctx.db, args);
    const ids = matches.flatMap((m) => (m.well_id ? [m.well_id] : []));
    const parts = ["p.deleted_at IS NULL"];
    const params: SqlValue[] = [];
    if (matches.length) {
      (parts.push(`p.well_id IN (${ids.map(() => "?").join(", ") || "NULL"})`),
        params.push(...ids));
    }
    if (args.exploration_project) {
      (parts.push("instr(p.exploration_project, ?) > 0"), params.push(args.exploration_project));
    }
    if (args.year !== undefined) (parts.push("p.implementation_year = ?"), params.push(args.year));
    const sel = args.date !== undefined ? readDateArg("date", args.date, ctx) : null;
    const where = parts.join(" AND ");
    const [count, page] = await Promise.all([
      ctx.db.execute(`SELECT count(*) AS n FROM pre_drilling p WHERE ${where}`, params),
      ctx.db.execute(
        `SELECT ${columnNames(PRE_DRILLING).map((c) => `p.${c}`).join(", ")},
          EXISTS (SELECT 1 FROM wells w WHERE w.well_id = p.well_id AND w.deleted_at IS NULL) AS well_in_master
         FROM pre_drilling p WHERE ${where} ORDER BY p.implementation_year DESC, p.well_id LIMIT ?`,
        [...params, args.limit],
      ),
    ]);
    const wells = page.rows.map((row) => {
      const done = MILESTONES.filter((m) => row[m.name]).map((m) => ({
        name: m.name,
        code: m.code,
        zh: m.zh,
        en: m.en,
        date: String(row[m.name]),
      }));
      const last = done.reduce<(typeof done)[number] | null>(
        (a, b) => (a && a.date > b.date ? a : b),
        null,
      );
      const next = MILESTONES.find((m) => !row[m.name]);
      const inPeriod = sel === null
        ? []
        : sel.kind === "latest"
        ? (last ? [last] : [])
        : done.filter((d) => d.date >= sel.from && d.date <= sel.to);
      return {
        ...row,
        well_in_master: Boolean(row.well_in_master),
        reached: done.length,
        last_step: last,
        next_step: next ? { name: next.name, code: next.code, zh: next.zh, en: next.en } : null,
        in_period: inPeriod,
      };
    }) as z.infer<typeof wellSchema>[];
    const lines = wells.map((w) =>
      `- ${w.well_id}${w.well_in_master ? "" : " ⚠ 不在油井基础信息中 not in the well master"}（${
        w.exploration_project ?? "—"
      } ${w.implementation_year ?? ""}）：` +
      `已完成 ${w.reached}/16，最近 ${
        w.last_step ? `${w.last_step.zh} ${w.last_step.date}` : "—"
      }，下一步 ${w.next_step?.zh ?? "已全部完成 all done"}` +
      (sel
        ? `；期间完成 in period: ${
          w.in_period.map((s) => `${s.zh} ${s.date}`).join(", ") || "无 none"
        }`
        : "")
    );
    const notes = matches.filter((m) => m.match !== "exact").map((m) => `井号 well: ${m.note}`);
    const head = wells.length
      ? `共 ${Number(count.rows[0].n)} 口井。 / ${Number(count.rows[0].n)} wells.`
      : "没有符合条件的钻前工程记录。 / No pre-drilling records match.";
    return {
      structured: {
        wells,
        total: Number(count.rows[0].n),
        dates_used: sel?.label ?? null,
        well_matches: matches,
      },
      text: [head, ...lines, ...(sel ? [`日期 dates: ${sel.label}`] : []), ...notes].join("\n"),
    };
  },
});
