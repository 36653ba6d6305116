import { z } from "zod";
import { WELLS } from "../schema/wells.ts";
import { rowOutputShape } from "../schema/zod.ts";
import { defineTool } from "./define.ts";

const shown = ["well_id", "name", "field", "block", "well_type", "spud_date", "design_depth_m", "status"] as const;

const wellSchema = z.object({
  ...rowOutputShape(WELLS, shown),
  latest_depth_m: z.number().nullable().describe("最新井深 latest reported depth (m)"),
  latest_report_date: z.string().nullable().describe("最新日报日期 latest report date"),
});

/** `list_wells`: the well master, filtered by block, field, type or status, with each well's latest depth. */
export const listWells = defineTool({
  name: "list_wells",
  title: "油井列表 List wells",
  description:
    "列出油井（井号、井名、油田、区块、井型、开钻日期、设计井深、状态）及最新井深；可按区块、油田、井型、状态筛选，" +
    "默认 50 口，最多 500 口。 / List wells (id, name, field, block, type, spud date, design depth, status) " +
    "with the latest reported depth; filter by block, field, type or status; 50 by default, at most 500.",
  input: z.strictObject({
    block: z.string().trim().min(1).max(100).optional().describe("区块 block, e.g. 石南"),
    field: z.string().trim().min(1).max(100).optional().describe("油田 oilfield"),
    well_type: z.string().trim().min(1).max(50).optional().describe("井型 well type: 直井/定向井/水平井"),
    status: z.enum(["planned", "drilling", "completed"]).optional().describe("状态 status"),
    limit: z.number().int().min(1).max(500).default(50).describe("返回口数 wells to return (1–500)"),
    offset: z.number().int().min(0).max(1_000_000).default(0).describe("跳过口数 wells to skip"),
  }),
  output: z.object({
    wells: z.array(wellSchema),
    total: z.number().int(),
    next_offset: z.number().int().nullable(),
  }),
  annotations: { readOnlyHint: true, openWorldHint: false },
  async run(args, { db }) {
    const parts = ["w.deleted_at IS NULL"];
    const params: (string | number)[] = [];
    for (const key of ["block", "field", "well_type", "status"] as const) {
      if (args[key]) (parts.push(`w.${key} = ?`), params.push(args[key]));
    }
    const where = parts.join(" AND ");
    const [count, page] = await Promise.all([
      db.execute(`SELECT count(*) AS n FROM wells w WHERE ${where}`, params),
      db.execute(
        `SELECT ${shown.map((c) => `w.${c}`).join(", ")},
          (SELECT d.depth_m FROM drilling_daily d WHERE d.well_id = w.well_id AND d.deleted_at IS NULL ORDER BY d.report_date DESC LIMIT 1) AS latest_depth_m,
          (SELECT max(d.report_date) FROM drilling_daily d WHERE d.well_id = w.well_id AND d.deleted_at IS NULL) AS latest_report_date
         FROM wells w WHERE ${where} ORDER BY w.well_id LIMIT ? OFFSET ?`,
        [...params, args.limit, args.offset],
      ),
    ]);
    const total = Number(count.rows[0].n);
    const wells = page.rows as z.infer<typeof wellSchema>[];
    const next = args.offset + wells.length < total ? args.offset + wells.length : null;
    const lines = wells.map((w) =>
      `| ${w.well_id} | ${w.name ?? "—"} | ${w.block ?? "—"} | ${w.well_type ?? "—"} | ${w.spud_date ?? "—"} | ${w.latest_depth_m ?? "—"} / ${w.design_depth_m ?? "—"} | ${w.status ?? "—"} |`
    );
    const text = wells.length === 0
      ? "没有符合条件的油井。 / No wells match."
      : [`共 ${total} 口井，显示 ${wells.length} 口。 / ${total} wells, showing ${wells.length}.` + (next !== null ? ` offset=${next} 查看更多 for more.` : ""), "",
        "| 井号 Well | 井名 Name | 区块 Block | 井型 Type | 开钻 Spud | 井深/设计 Depth/design m | 状态 Status |", "|---|---|---|---|---|---|---|", ...lines].join("\n");
    return { structured: { wells, total, next_offset: next }, text };
  },
});
