import { z } from "zod";
import { EXPORTABLE, exportCsv, exportPages } from "../data/export.ts";
import { defineTool } from "../call/define-tool.ts";

/** Most rows an export carries inside the tool result; the REST download has no such bound. */
export const EXPORT_INLINE_CAP = 50_000;
/** Rows an export answer previews by default: the chat gets the count and the download path, not the table. */
export const EXPORT_PREVIEW_ROWS = 20;

/** `export_all_data` (ADMIN): a table as CSV or JSON inside the result, plus the streaming download path. */
export const exportAllData = defineTool({
  name: "export_all_data",
  title: "导出全部数据 Export all data",
  description:
    "导出整张表（钻井日报、油井基础信息或作业明细）：回答行数和完整文件的下载地址（如 GET /export/drilling_daily.csv），附前几行预览。 / " +
    "Export a whole table: the row count and the download path of the full file (e.g. GET /export/drilling_daily.csv), with a preview.",
  input: z.strictObject({
    table: z.enum(["drilling_daily", "wells", "drilling_activities"]).default("drilling_daily"),
    format: z.enum(["csv", "json"]).default("csv"),
    max_rows: z.number().int().min(1).max(EXPORT_INLINE_CAP).default(EXPORT_PREVIEW_ROWS).describe(
      "预览行数 / preview rows",
    ),
  }),
  output: z.object({
    table: z.string(),
    format: z.string(),
    total_rows: z.number().int().describe("表中未删除的行数 live rows in the table"),
    included_rows: z.number().int().describe("结果中附带的行数 rows included in this result"),
    complete: z.boolean().describe("是否已全部附带 whether every row is included"),
    download_path: z.string().describe(
      "完整文件的下载路径 path of the full streaming download (GET)",
    ),
    message: z.string(),
  }),
  group: "admin",
  toolset: "admin",
  annotations: { readOnlyHint: true, openWorldHint: false },
  async run({ table, format, max_rows }, { db, progress }) {
    const total = Number(
      (await db.execute(`SELECT count(*) AS n FROM ${table} WHERE deleted_at IS NULL`)).rows[0].n,
    );
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
        progress?.(
          rows.length,
          wanted,
          `已读取 ${rows.length}/${wanted} 行 / ${rows.length} of ${wanted} rows read`,
        );
      }
      included = rows.length;
      body = JSON.stringify(rows);
    }
    const complete = included >= total;
    const download_path = `/export/${table}.${format === "csv" ? "csv" : "ndjson"}`;
    const label = EXPORTABLE[table].table;
    const message = complete
      ? `已导出${label.zh}全部 ${total} 行（${format.toUpperCase()}，见下）；也可下载 GET ${download_path}。 / Exported all ${total} rows of the ${label.en} (${format}, below); also at GET ${download_path}.`
      : `${label.zh}共 ${total} 行，下面是前 ${included} 行预览；完整文件请让用户用管理员身份下载 GET ${download_path}（同样的身份请求头），不要分页读进对话。 / ` +
        `The ${label.en} has ${total} rows; the first ${included} are previewed below. For the full file the user downloads GET ${download_path} ` +
        "with the same identity headers; do not page it into the chat.";
    return {
      structured: {
        table,
        format,
        total_rows: total,
        included_rows: included,
        complete,
        download_path,
        message,
      },
      text: message,
      extra: [{
        type: "resource",
        resource: {
          uri: `export://${table}.${format}`,
          mimeType: format === "csv" ? "text/csv" : "application/json",
          text: body,
        },
      }],
    };
  },
});
