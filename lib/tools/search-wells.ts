import { z } from "zod";
import type { SqlValue } from "../db.ts";
import { WELLS } from "../schema/wells.ts";
import { rowOutputShape } from "../schema/zod.ts";
import { normalizeWellId } from "../words/well-id.ts";
import { defineTool } from "./define.ts";

/** Above this many matches a request for everything gets a summary by block instead of rows. */
export const SUMMARY_THRESHOLD = 200;
const ALL_WORDS = ["所有", "全部", "所有油井", "所有井", "全部井", "全部油井", "all", "allwells", "*"];
const shown = ["well_id", "name", "block", "exploration_project", "exploration_subproject", "well_type", "well_category", "is_key_well", "horizon", "design_depth_m", "spud_date", "status"] as const;
const wellSchema = z.object(rowOutputShape(WELLS, shown));
const TEXT_FIELDS = ["w.name", "w.block", "w.block_code", "w.exploration_category", "w.exploration_project", "w.exploration_subproject"];

/** `search_wells`: the well master by keyword and filters; a block summary when everything is asked for. */
export const searchWells = defineTool({
  name: "search_wells",
  title: "搜索油井 Search wells",
  description:
    `搜索油井基础信息：关键词匹配井号（全角、空格、"井"字均可）、井名、区块、勘探项目；可按区块、勘探项目、井型、是否重点井筛选，分页。` +
    `要"所有油井"且超过 ${SUMMARY_THRESHOLD} 口时，返回按区块的汇总（井数、井型）及缩小范围的方法。 / ` +
    "Search the well master: keywords match the well id (full-width, spaces, 井 tolerated), name, block or exploration project; " +
    `filter by block, project, well type, key-well flag; paged. Asking for all wells when more than ${SUMMARY_THRESHOLD} match ` +
    "returns a summary by block (counts, types) and how to narrow down.",
  input: z.strictObject({
    keywords: z.string().trim().max(200).optional().describe("关键词，空格分隔，须全部匹配 keywords separated by spaces, all must match, e.g. 石南 水平井"),
    block: z.string().trim().min(1).max(100).optional().describe("区块 block, e.g. 石南"),
    exploration_project: z.string().trim().min(1).max(100).optional().describe("勘探项目（包含匹配）exploration project, substring"),
    well_type: z.enum(["直井", "定向井", "水平井"]).optional().describe("井型 well type"),
    is_key_well: z.boolean().optional().describe("是否重点井 key wells only (true) or others (false)"),
    mode: z.enum(["auto", "list", "summary"]).default("auto")
      .describe(`auto：超过 ${SUMMARY_THRESHOLD} 口给汇总 / auto: summary above ${SUMMARY_THRESHOLD} matches; list: rows; summary: by block`),
    limit: z.number().int().min(1).max(SUMMARY_THRESHOLD).default(50).describe(`返回口数 wells to return (1–${SUMMARY_THRESHOLD})`),
    offset: z.number().int().min(0).max(1_000_000).default(0).describe("跳过口数 wells to skip"),
  }),
  output: z.object({
    wells: z.array(wellSchema),
    total: z.number().int().describe("符合条件的井数 wells matching"),
    next_offset: z.number().int().nullable(),
    summary: z.array(z.object({
      block: z.string().nullable(), wells: z.number().int(), key_wells: z.number().int(),
      by_type: z.record(z.string(), z.number().int()).describe("各井型井数 wells per type"),
    })).nullable().describe("按区块汇总（匹配过多时）summary by block, when too many match"),
    not_in_master: z.array(z.string()).describe("日报中出现、基础信息中没有的匹配井号 matching well ids found only in daily reports"),
  }),
  annotations: { readOnlyHint: true, openWorldHint: false },
  async run(args, { db }) {
    const parts = ["w.deleted_at IS NULL"];
    const params: SqlValue[] = [];
    const words = (args.keywords ?? "").normalize("NFKC").split(/[\s,，、]+/).filter((k) => k && !ALL_WORDS.includes(k.toLowerCase()));
    for (const word of words) {
      parts.push(`(instr(w.well_key, ?) > 0 OR ${TEXT_FIELDS.map((f) => `instr(coalesce(${f}, ''), ?) > 0`).join(" OR ")})`);
      params.push(normalizeWellId(word), ...TEXT_FIELDS.map(() => word));
    }
    if (args.block) (parts.push("w.block = ?"), params.push(args.block));
    if (args.exploration_project) (parts.push("instr(w.exploration_project, ?) > 0"), params.push(args.exploration_project));
    if (args.well_type) (parts.push("w.well_type = ?"), params.push(args.well_type));
    if (args.is_key_well !== undefined) (parts.push("coalesce(w.is_key_well, 0) = ?"), params.push(args.is_key_well ? 1 : 0));
    const where = parts.join(" AND ");
    const total = Number((await db.execute(`SELECT count(*) AS n FROM wells w WHERE ${where}`, params)).rows[0].n);
    const orphanSql = `SELECT DISTINCT d.well_id FROM drilling_daily d WHERE d.deleted_at IS NULL AND ${words.map(() => "instr(d.well_key, ?) > 0").join(" AND ")}
      AND NOT EXISTS (SELECT 1 FROM wells w WHERE w.well_id = d.well_id AND w.deleted_at IS NULL) ORDER BY d.well_id LIMIT 20`;
    const notInMaster = words.length ? (await db.execute(orphanSql, words.map(normalizeWellId))).rows.map((r) => String(r.well_id)) : [];
    const summarise = args.mode === "summary" || (args.mode === "auto" && total > SUMMARY_THRESHOLD);
    if (summarise) {
      const rs = await db.execute(
        `SELECT w.block, w.well_type, count(*) AS n, sum(coalesce(w.is_key_well, 0)) AS k FROM wells w WHERE ${where} GROUP BY w.block, w.well_type ORDER BY w.block`, params);
      const byBlock = new Map<string | null, { block: string | null; wells: number; key_wells: number; by_type: Record<string, number> }>();
      for (const r of rs.rows) {
        const b = byBlock.get(r.block as string | null) ?? { block: r.block as string | null, wells: 0, key_wells: 0, by_type: {} };
        b.wells += Number(r.n);
        b.key_wells += Number(r.k);
        b.by_type[String(r.well_type ?? "未知 unknown")] = Number(r.n);
        byBlock.set(b.block, b);
      }
      const summary = [...byBlock.values()].sort((a, b) => b.wells - a.wells);
      const lines = summary.map((s) => `| ${s.block ?? "—"} | ${s.wells} | ${s.key_wells} | ${Object.entries(s.by_type).map(([t, n]) => `${t} ${n}`).join("，")} |`);
      const text = [
        `共 ${total} 口井，数量较多，以下按区块汇总。 / ${total} wells match; here is a summary by block.`, "",
        "| 区块 Block | 井数 Wells | 重点井 Key | 井型 Types |", "|---|---|---|---|", ...lines, "",
        `缩小范围 / to narrow down: 加 block（如 ${summary[0]?.block ?? "石南"}）、exploration_project、well_type、is_key_well 或关键词；` +
        `或 mode="list" 分页查看 / or mode="list" to page through rows.`,
      ].join("\n");
      return { structured: { wells: [], total, next_offset: null, summary, not_in_master: notInMaster }, text };
    }
    const page = await db.execute(`SELECT ${shown.map((c) => `w.${c}`).join(", ")} FROM wells w WHERE ${where} ORDER BY length(w.well_key), w.well_key LIMIT ? OFFSET ?`,
      [...params, args.limit, args.offset]);
    const wells = page.rows as z.infer<typeof wellSchema>[];
    const next = args.offset + wells.length < total ? args.offset + wells.length : null;
    const lines = wells.map((w) => `| ${w.well_id} | ${w.block ?? "—"} | ${w.exploration_project ?? "—"} | ${w.well_type ?? "—"} | ${w.is_key_well ? "是" : "否"} | ${w.status ?? "—"} |`);
    const orphan = notInMaster.length ? `\n⚠ 仅在日报中出现（不在油井基础信息中）/ only in daily reports, not in the well master: ${notInMaster.join(", ")}` : "";
    const text = (wells.length === 0
      ? "没有符合条件的油井。 / No wells match."
      : [`共 ${total} 口井，显示 ${wells.length} 口。 / ${total} wells, showing ${wells.length}.` + (next !== null ? ` offset=${next} 查看更多 for more.` : ""), "",
        "| 井号 Well | 区块 Block | 勘探项目 Project | 井型 Type | 重点井 Key | 状态 Status |", "|---|---|---|---|---|---|", ...lines].join("\n")) + orphan;
    return { structured: { wells, total, next_offset: next, summary: null, not_in_master: notInMaster }, text };
  },
});
