import { z } from "zod";
import type { SqlValue } from "../db/db.ts";
import { WELLS } from "../schema/wells.ts";
import { rowOutputShape } from "../schema/zod.ts";
import { normalizeWellId } from "../words/well-id.ts";
import { defineTool, READ_TOOL } from "../call/define-tool.ts";

const DEFAULT_LIMIT = 50;

/** Above this many matches a request for everything gets a summary by block instead of rows. */
export const SUMMARY_THRESHOLD = 200;
const ALL_WORDS = [
  "所有",
  "全部",
  "所有油井",
  "所有井",
  "全部井",
  "全部油井",
  "all",
  "allwells",
  "*",
];
const shown = [
  "well_id",
  "name",
  "field",
  "block",
  "exploration_project",
  "exploration_subproject",
  "well_type",
  "well_category",
  "is_key_well",
  "horizon",
  "design_depth_m",
  "spud_date",
  "status",
] as const;
const TEXT_FIELDS = [
  "w.name",
  "w.block",
  "w.block_code",
  "w.exploration_category",
  "w.exploration_project",
  "w.exploration_subproject",
];

const wellSchema = z.object({
  ...rowOutputShape(WELLS, shown),
  latest_depth_m: z.number().nullable().describe("最新井深 latest reported depth (m)"),
  latest_report_date: z.string().nullable().describe("最新日报日期 latest report date"),
});

const listWellsOutput = z.object({
  wells: z.array(wellSchema),
  total: z.number().int().describe("符合条件的井数 wells matching"),
  next_offset: z.number().int().nullable(),
  summary: z.array(z.object({
    block: z.string().nullable(),
    wells: z.number().int(),
    key_wells: z.number().int(),
    by_type: z.record(z.string(), z.number().int()).describe("各井型井数 wells per type"),
  })).nullable().describe("按区块汇总（匹配过多时）summary by block, when too many match"),
  not_in_master: z.array(z.string()).describe(
    "日报中出现、基础信息中没有的匹配井号 matching well ids found only in daily reports",
  ),
});

/** `list_wells`: the well master by keyword and filters, with each well's latest depth; a block summary when too many match. */
export const listWells = defineTool({
  name: "list_wells",
  title: "油井列表与搜索 List and search wells",
  description:
    "查找油井及其最新井深：关键词匹配井号、井名、区块、勘探项目，可按区块、油田、井型、状态、重点井筛选；" +
    `超过 ${SUMMARY_THRESHOLD} 口时给区块汇总。 / ` +
    "Find wells in the master (id, name, block, project, type, design depth, status) with the latest depth: keywords match id, name, " +
    `block or project; filter by block, field, type, status, key wells; paged. Above ${SUMMARY_THRESHOLD} matches, a summary by block and how to narrow down.`,
  input: z.strictObject({
    keywords: z.string().trim().max(200).optional().describe(
      "空格分隔，全部须匹配，如 石南 水平井 / all must match",
    ),
    block: z.string().trim().min(1).max(100).optional().describe("区块，如 石南 / block"),
    field: z.string().trim().min(1).max(100).optional().describe("油田 / oilfield"),
    exploration_project: z.string().trim().min(1).max(100).optional().describe(
      "勘探项目，包含匹配 / project, substring",
    ),
    well_type: z.enum(["直井", "定向井", "水平井"]).optional(),
    status: z.enum(["planned", "drilling", "completed"]).optional(),
    is_key_well: z.boolean().optional().describe("重点井 / key wells"),
    mode: z.enum(["auto", "list", "summary"]).default("auto").describe(
      `auto：超过 ${SUMMARY_THRESHOLD} 口且未给 limit 时给区块汇总 / auto: summary above ${SUMMARY_THRESHOLD} unless limit is given`,
    ),
    limit: z.number().int().min(1).max(500).optional().describe(
      `默认 ${DEFAULT_LIMIT} / default ${DEFAULT_LIMIT}`,
    ),
    offset: z.number().int().min(0).max(1_000_000).default(0),
  }),
  output: listWellsOutput,
  ...READ_TOOL,
  async run(args, { db }) {
    const parts = ["w.deleted_at IS NULL"];
    const params: SqlValue[] = [];
    const words = (args.keywords ?? "").normalize("NFKC").split(/[\s,，、]+/).filter((k) =>
      k && !ALL_WORDS.includes(k.toLowerCase())
    );
    for (const word of words) {
      parts.push(
        `(instr(w.well_key, ?) > 0 OR ${
          TEXT_FIELDS.map((f) => `instr(coalesce(${f}, ''), ?) > 0`).join(" OR ")
        })`,
      );
      params.push(normalizeWellId(word), ...TEXT_FIELDS.map(() => word));
    }
    if (args.block) (parts.push("w.block = ?"), params.push(args.block));
    if (args.field) (parts.push("w.field = ?"), params.push(args.field));
    if (args.status) (parts.push("w.status = ?"), params.push(args.status));
    if (args.exploration_project) {
      (parts.push("instr(w.exploration_project, ?) > 0"), params.push(args.exploration_project));
    }
    if (args.well_type) (parts.push("w.well_type = ?"), params.push(args.well_type));
    if (args.is_key_well !== undefined) {
      (parts.push("coalesce(w.is_key_well, 0) = ?"), params.push(args.is_key_well ? 1 : 0));
    }
    const where = parts.join(" AND ");
    const total = Number(
      (await db.execute(`SELECT count(*) AS n FROM wells w WHERE ${where}`, params)).rows[0].n,
    );
    const orphanSql =
      `SELECT DISTINCT d.well_id FROM drilling_daily d WHERE d.deleted_at IS NULL AND ${
        words.map(() => "instr(d.well_key, ?) > 0").join(" AND ")
      }
      AND NOT EXISTS (SELECT 1 FROM wells w WHERE w.well_id = d.well_id AND w.deleted_at IS NULL) ORDER BY d.well_id LIMIT 20`;
    const notInMaster = words.length
      ? (await db.execute(orphanSql, words.map(normalizeWellId))).rows.map((r) => String(r.well_id))
      : [];
    const summarise = args.mode === "summary" ||
      (args.mode === "auto" && total > SUMMARY_THRESHOLD && args.limit === undefined);
    const limit = args.limit ?? DEFAULT_LIMIT;
    if (summarise) {
      const rs = await db.execute(
        `SELECT w.block, w.well_type, count(*) AS n, sum(coalesce(w.is_key_well, 0)) AS k FROM wells w WHERE ${where} GROUP BY w.block, w.well_type ORDER BY w.block`,
        params,
      );
      const byBlock = new Map<
        string | null,
        { block: string | null; wells: number; key_wells: number; by_type: Record<string, number> }
      >();
      for (const r of rs.rows) {
        const b = byBlock.get(r.block as string | null) ??
          { block: r.block as string | null, wells: 0, key_wells: 0, by_type: {} };
        b.wells += Number(r.n);
        b.key_wells += Number(r.k);
        b.by_type[String(r.well_type ?? "未知 unknown")] = Number(r.n);
        byBlock.set(b.block, b);
      }
      const summary = [...byBlock.values()].sort((a, b) => b.wells - a.wells);
      const lines = summary.map((s) =>
        `| ${s.block ?? "—"} | ${s.wells} | ${s.key_wells} | ${
          Object.entries(s.by_type).map(([t, n]) => `${t} ${n}`).join("，")
        } |`
      );
      const text = [
        `共 ${total} 口井，数量较多，以下按区块汇总。 / ${total} wells match; here is a summary by block.`,
        "",
        "| 区块 Block | 井数 Wells | 重点井 Key | 井型 Types |",
        "|---|---|---|---|",
        ...lines,
        "",
        `缩小范围 / to narrow down: 加 block（如 ${
          summary[0]?.block ?? "石南"
        }）、exploration_project、well_type、status、is_key_well 或关键词；` +
        `或 mode="list" 分页查看 / or mode="list" to page through rows.`,
      ].join("\n");
      return {
        structured: { wells: [], total, next_offset: null, summary, not_in_master: notInMaster },
        text,
      };
    }
    const page = await db.execute(
      `SELECT ${shown.map((c) => `w.${c}`).join(", ")},
        (SELECT d.depth_m FROM drilling_daily d WHERE d.well_id = w.well_id AND d.deleted_at IS NULL ORDER BY d.report_date DESC LIMIT 1) AS latest_depth_m,
        (SELECT max(d.report_date) FROM drilling_daily d WHERE d.well_id = w.well_id AND d.deleted_at IS NULL) AS latest_report_date
       FROM wells w WHERE ${where} ORDER BY length(w.well_key), w.well_key LIMIT ? OFFSET ?`,
      [...params, limit, args.offset],
    );
    const wells = page.rows as z.infer<typeof wellSchema>[];
    const next = args.offset + wells.length < total ? args.offset + wells.length : null;
    const lines = wells.map((w) =>
      `| ${w.well_id} | ${w.name ?? "—"} | ${w.block ?? "—"} | ${w.exploration_project ?? "—"} | ${
        w.well_type ?? "—"
      } | ${w.is_key_well ? "是" : "否"} | ${w.latest_depth_m ?? "—"} / ${
        w.design_depth_m ?? "—"
      } | ${w.status ?? "—"} |`
    );
    const orphan = notInMaster.length
      ? `\n⚠ 仅在日报中出现（不在油井基础信息中）/ only in daily reports, not in the well master: ${
        notInMaster.join(", ")
      }`
      : "";
    const text = (wells.length === 0 ? "没有符合条件的油井。 / No wells match." : [
      `共 ${total} 口井，显示 ${wells.length} 口。 / ${total} wells, showing ${wells.length}.` +
      (next !== null ? ` offset=${next} 查看更多 for more.` : ""),
      "",
      "| 井号 Well | 井名 Name | 区块 Block | 勘探项目 Project | 井型 Type | 重点井 Key | 井深/设计 Depth/design m | 状态 Status |",
      "|---|---|---|---|---|---|---|---|",
      ...lines,
    ].join("\n")) + orphan;
    return {
      structured: { wells, total, next_offset: next, summary: null, not_in_master: notInMaster },
      text,
    };
  },
});
