import { Buffer } from "node:buffer";
import { z } from "zod";
import { actorOf } from "../data/history.ts";
import { ImportFileError, importFile } from "../import/import-file.ts";
import { summaryText } from "../import/import-summary.ts";
import { ToolError } from "../tool-error.ts";
import { WRITE_TARGETS } from "../write/targets.ts";
import { defineTool } from "./define.ts";

const TABLES = WRITE_TARGETS.map((t) => t.table.name) as [string, ...string[]];
/** Most rejected rows listed in the answer (the counts are always complete). */
export const IMPORT_REJECTED_SHOWN = 200;

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

function fileBytes(args: { csv_text?: string; xlsx_base64?: string }): { bytes: Uint8Array; ext: string } {
  if ((args.csv_text === undefined) === (args.xlsx_base64 === undefined)) {
    throw new ToolError("invalid", "请给出 csv_text 或 xlsx_base64 其中之一 / give either csv_text or xlsx_base64, not both or neither");
  }
  if (args.csv_text !== undefined) return { bytes: new TextEncoder().encode(args.csv_text), ext: "csv" };
  const b64 = args.xlsx_base64!.replace(/^data:[^,]*,/, "").replace(/\s+/g, "");
  if (!BASE64.test(b64) || b64.length % 4 !== 0) {
    throw new ToolError("invalid", `xlsx_base64 不是 base64 "${b64.slice(0, 20)}…" / xlsx_base64 is not base64 "${b64.slice(0, 20)}…": send the .xlsx file's bytes base64-encoded`);
  }
  return { bytes: new Uint8Array(Buffer.from(b64, "base64")), ext: "xlsx" };
}

/** `import_data` (ADMIN): the importer behind a tool; dry run by default so the user sees the summary first. */
export const importData = defineTool({
  name: "import_data",
  title: "导入数据文件 Import a data file",
  description:
    "导入 Excel (.xlsx, base64) 或 CSV 文本（油井基础信息、钻井日报等）：表头可为列代码、中文列名或英文列名（第1行、第2行或两行），" +
    "按自然键新增或更新，重复导入不会重复数据，整个文件一个事务。默认 dry_run=true 只报告将会发生什么；请先把摘要给用户看，" +
    "确认后再用 dry_run=false 导入。文件须在请求大小上限内（MAX_BODY_BYTES，默认 4 MB）。 / Import an Excel file (.xlsx, base64) or CSV " +
    "text (well master, drilling daily reports, …): headers by code, Chinese label or English name in row 1, row 2 or both; " +
    "upserts by natural key so importing twice adds nothing, one transaction per file. dry_run defaults to true and only " +
    "reports what would happen: show the user the summary, then import with dry_run=false once they agree. The file must fit " +
    "in the request size limit (MAX_BODY_BYTES, 4 MB by default).",
  input: z.strictObject({
    csv_text: z.string().min(1).optional().describe("CSV 文件内容 the CSV file's text"),
    xlsx_base64: z.string().min(1).optional().describe(".xlsx 文件的 base64 the .xlsx file's bytes, base64-encoded"),
    file_name: z.string().trim().min(1).max(200).optional().describe("文件名 the file's name, for the summary"),
    table: z.enum(TABLES).optional().describe("目标表（不填则按表头识别）target table (recognised from the header when absent)"),
    dry_run: z.boolean().default(true).describe("true（默认）：只报告不写入 / true (default): report only, write nothing"),
  }),
  output: z.object({
    file: z.string(), table: z.string(), dry_run: z.boolean(),
    rows_read: z.number().int(), inserted: z.number().int(), updated: z.number().int(), unchanged: z.number().int(),
    rejected: z.number().int(), blank_rows: z.number().int(),
    rejected_rows: z.array(z.object({
      row: z.number().int(), column: z.string(), value: z.union([z.string(), z.number(), z.boolean(), z.null()]), reason: z.string(),
    })).describe(`被拒绝的行（最多 ${IMPORT_REJECTED_SHOWN} 条）rejected rows (first ${IMPORT_REJECTED_SHOWN})`),
    unknown_columns: z.array(z.string()),
    duplicate_keys: z.number().int().describe("文件中重复的键（取最后一行）keys repeated in the file (last row used)"),
    not_in_master: z.object({ rows: z.number().int(), wells: z.number().int(), examples: z.array(z.string()) }).nullable()
      .describe("井号不在油井基础信息中的日报行（已保存）daily rows whose well is not in the well master (stored)"),
    message: z.string(),
  }),
  annotations: { readOnlyHint: false, destructiveHint: true, idempotentHint: true, openWorldHint: false },
  async run(args, { db, user, progress }) {
    const { bytes, ext } = fileBytes(args);
    const fileName = args.file_name ? (args.file_name.toLowerCase().endsWith(`.${ext}`) ? args.file_name : `${args.file_name}.${ext}`) : `upload.${ext}`;
    let summary;
    try {
      let total = 0;
      summary = await importFile(db, bytes, {
        fileName, table: args.table, dryRun: args.dry_run, actor: actorOf(user),
        ...(progress && {
          onStart: (rows: number) => progress(0, (total = rows), `开始导入 ${rows} 行 / importing ${rows} rows`),
          onProgress: (done: number) => progress(done, total, `已处理 ${done}/${total} 行 / ${done} of ${total} rows done`),
        }),
      });
    } catch (error) {
      if (error instanceof ImportFileError) throw new ToolError("invalid", error.message);
      throw error;
    }
    const text = summaryText(summary, 30);
    return {
      structured: {
        file: summary.file, table: summary.table, dry_run: summary.dry_run, rows_read: summary.rows_read,
        inserted: summary.inserted, updated: summary.updated, unchanged: summary.unchanged, rejected: summary.rejected,
        blank_rows: summary.blank_rows, rejected_rows: summary.rejected_rows.slice(0, IMPORT_REJECTED_SHOWN),
        unknown_columns: [...summary.unknown_columns], duplicate_keys: summary.duplicate_keys.length,
        not_in_master: summary.not_in_master && { ...summary.not_in_master, examples: [...summary.not_in_master.examples] },
        message: text.split("\n")[0],
      },
      text: summary.dry_run ? `${text}\n确认无误后用 dry_run=false 再调用一次以写入。 / Call again with dry_run=false to write it once the user agrees.` : text,
    };
  },
});
