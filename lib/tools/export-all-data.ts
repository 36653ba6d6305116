import { z } from "zod";
import { EXPORTABLE, exportCsv, exportPages } from "../data/export.ts";
import { defineTool } from "./define.ts";

/** Most rows an export carries inside the tool result; the REST download has no such bound. */
export const EXPORT_INLINE_CAP = 50_000;

/** `export_all_data` (ADMIN): a table as CSV or JSON inside the result, plus the streaming download path. */
export const exportAllData = defineTool({
  name: "export_all_data",
  title: "导出全部数据 Export all data",
  description:
    `导出整张表（钻井日报或油井基础信息，不含已删除记录）为 CSV 或 JSON，结果中最多附 ${EXPORT_INLINE_CAP} 行，` +
    "完整文件可从 download_path 流式下载（需同样的身份请求头）。仅管理员。 / Export a whole table (drilling daily " +
    `reports or the well master, without deleted rows) as CSV or JSON; the result carries at most ${EXPORT_INLINE_CAP} rows, ` +
    "the full file streams from download_path (same identity headers). ADMIN only.",
  input: z.strictObject({
    table: z.enum(["drilling_daily", "wells"]).default("drilling_daily").describe("表 table"),
    format: z.enum(["csv", "json"]).default("csv").describe("格式 format"),
    max_rows: z.number().int().min(1).max(EXPORT_INLINE_CAP).default(5000)
      .describe(`结果中附带的最多行数 rows to include in the result (1–${EXPORT_INLINE_CAP})`),
  }),
  output: z.object({
    table: z.string(),
    format: z.string(),
    total_rows: z.number().int().describe("表中未删除的行数 live rows in the table"),
    included_rows: z.number().int().describe("结果中附带的行数 rows included in this result"),
    complete: z.boolean().describe("是否已全部附带 whether every row is included"),
    download_path: z.string().describe("完整文件的下载路径 path of the full streaming download (GET)"),
    message: z.string(),
  }),
  annotations: { readOnlyHint: true, openWorldHint: false },
  async run({ table, format, max_rows }, { db, progress }) {
    const total = Number((await db.execute(`SELECT count(*) AS n FROM ${table} WHERE deleted_at IS NULL`)).rows[0].n);
    let body = "";
    let included = 0;
    if (format === "csv") {
      for await (const chunk of exportCsv(db, table, max_rows)) body += chunk;
      included = Math.min(total, max_rows);
    } else {
      const rows = [];
      const wanted = Math.min(total, max_rows);
      for await (const page of exportPages(db, table, 5000, max_rows)) {
        rows.push(...page);
        progress?.(rows.length, wanted, `已读取 ${rows.length}/${wanted} 行 / ${rows.length} of ${wanted} rows read`);
      }
      included = rows.length;
      body = JSON.stringify(rows);
    }
    const complete = included >= total;
    const download_path = `/export/${table}.${format === "csv" ? "csv" : "ndjson"}`;
    const label = EXPORTABLE[table].table;
    const message = complete
      ? `已导出${label.zh}全部 ${total} 行（${format.toUpperCase()}，见附件）。 / Exported all ${total} rows of the ${label.en} (${format}, attached).`
      : `${label.zh}共 ${total} 行，结果中附前 ${included} 行；完整文件请 GET ${download_path}。 / The ${label.en} has ${total} rows; ` +
        `the first ${included} are attached; GET ${download_path} for the full file.`;
    return {
      structured: { table, format, total_rows: total, included_rows: included, complete, download_path, message },
      text: message,
      extra: [{
        type: "resource",
        resource: { uri: `export://${table}.${format}`, mimeType: format === "csv" ? "text/csv" : "application/json", text: body },
      }],
    };
  },
});
