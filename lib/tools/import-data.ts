import { Buffer } from "node:buffer";
import { z } from "zod";
import { actorOf } from "../data/history.ts";
import type { ImportSummary, ReportImportDetail } from "../import/import-summary.ts";
import { IMPORT_ARGUMENT_BYTES } from "../call/limits.ts";
import { ToolError } from "../call/tool-error.ts";
import { WRITE_TARGETS } from "../write/targets.ts";
import { defineTool, IDEMPOTENT_CHANGE } from "../call/define-tool.ts";

const TABLES = WRITE_TARGETS.map((t) => t.table.name) as [string, ...string[]];
/** Most rejected rows listed in the answer (the counts are always complete). */
export const IMPORT_REJECTED_SHOWN = 200;

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/** How many rows a write inserted, updated, found unchanged and rejected (the file's rows and its activity lines). */
const writeCounts = {
  inserted: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  rejected: z.number().int(),
};

type ReportArgs = {
  xml_text?: string | string[];
  jsonl_text?: string;
  file_name?: string;
  file_names?: string[];
};

/** The report files of a call (WITSML drillReport XML texts or one campaign JSONL text), or null when it carries none. */
function reportFiles(args: ReportArgs): { name: string; text: string }[] | null {
  if (args.xml_text === undefined && args.jsonl_text === undefined) return null;
  if (args.xml_text !== undefined && args.jsonl_text !== undefined) {
    throw new ToolError(
      "invalid",
      "请给出 xml_text 或 jsonl_text 其中之一 / give either xml_text or jsonl_text, not both",
    );
  }
  const texts = args.jsonl_text !== undefined
    ? [args.jsonl_text]
    : typeof args.xml_text === "string"
    ? [args.xml_text]
    : args.xml_text!;
  const ext = args.jsonl_text !== undefined ? "jsonl" : "xml";
  const names = args.file_names ?? (args.file_name ? [args.file_name] : []);
  return texts.map((text, i) => {
    const given = names[i] ?? (texts.length === 1 ? `upload.${ext}` : `upload-${i + 1}.${ext}`);
    return { name: given.toLowerCase().endsWith(`.${ext}`) ? given : `${given}.${ext}`, text };
  });
}

function fileBytes(
  args: { csv_text?: string; xlsx_base64?: string },
): { bytes: Uint8Array; ext: string } {
  if ((args.csv_text === undefined) === (args.xlsx_base64 === undefined)) {
    throw new ToolError(
      "invalid",
      "请给出 csv_text 或 xlsx_base64 其中之一 / give either csv_text or xlsx_base64, not both or neither",
    );
  }
  if (args.csv_text !== undefined) {
    return { bytes: new TextEncoder().encode(args.csv_text), ext: "csv" };
  }
  const b64 = args.xlsx_base64!.replace(/^data:[^,]*,/, "").replace(/\s+/g, "");
  if (!BASE64.test(b64) || b64.length % 4 !== 0) {
    throw new ToolError(
      "invalid",
      `xlsx_base64 不是 base64 "${b64.slice(0, 20)}…" / xlsx_base64 is not base64 "${
        b64.slice(0, 20)
      }…": send the .xlsx file's bytes base64-encoded`,
    );
  }
  return { bytes: new Uint8Array(Buffer.from(b64, "base64")), ext: "xlsx" };
}

/** The report detail as plain arrays, at most 500 report days. */
function reportOutput(r: ReportImportDetail) {
  return {
    files: [...r.files],
    wells_created: [...r.wells_created],
    wells_matched: r.wells_matched.map((m) => ({ ...m })),
    activities: { ...r.activities },
    reports: r.reports.slice(0, 500).map((x) => ({
      ...x,
      figures: x.figures.map((f) => ({ ...f })),
    })),
  };
}

/** `import_data` (ADMIN): the importer behind a tool; dry run by default so the user sees the summary first. */
export const importData = defineTool({
  name: "import_data",
  title: "导入数据文件 Import a data file",
  description:
    "导入整个 Excel（xlsx_base64）或 CSV（csv_text）文件，表按表头识别（列代码、中文或英文列名），按自然键新增或更新，一个事务；" +
    "WITSML drillReport XML（xml_text）和作业明细 JSONL（jsonl_text）成为日报及其作业明细。默认 dry_run=true 只报告将发生什么：先把摘要给用户看，确认后再用 dry_run=false。" +
    "整个请求须在 MAX_BODY_BYTES 内（默认 4 MB，约 3 MB 的 .xlsx）；更大的文件由管理员在服务器上用 npm run import 导入。 / " +
    "Import a whole .xlsx (base64) or CSV file, the table recognised from its header, or WITSML drillReport XML / activity JSONL; upserts by natural key in one transaction. " +
    "dry_run=true (default) only reports: show the summary, then dry_run=false once the user agrees. The request must fit in MAX_BODY_BYTES (4 MB by default, " +
    "about a 3 MB .xlsx); larger files: npm run import on the server.",
  maxArgumentBytes: IMPORT_ARGUMENT_BYTES,
  input: z.strictObject({
    csv_text: z.string().min(1).optional(),
    xlsx_base64: z.string().min(1).optional(),
    xml_text: z.union([z.string().min(1), z.array(z.string().min(1)).min(1).max(50)]).optional()
      .describe("一个或多个 XML 文件 / one or several files"),
    jsonl_text: z.string().min(1).optional(),
    file_names: z.array(z.string().trim().min(1).max(200)).max(50).optional().describe(
      "各 XML 文件名 / the XML files' names",
    ),
    file_name: z.string().trim().min(1).max(200).optional(),
    table: z.enum(TABLES).optional().describe("不填则按表头识别 / from the header when absent"),
    dry_run: z.boolean().default(true),
  }),
  output: z.object({
    file: z.string(),
    table: z.string(),
    dry_run: z.boolean(),
    rows_read: z.number().int(),
    ...writeCounts,
    blank_rows: z.number().int(),
    rejected_rows: z.array(z.object({
      row: z.number().int(),
      column: z.string(),
      value: z.union([z.string(), z.number(), z.boolean(), z.null()]),
      reason: z.string(),
    })).describe(
      `被拒绝的行（最多 ${IMPORT_REJECTED_SHOWN} 条）rejected rows (first ${IMPORT_REJECTED_SHOWN})`,
    ),
    unknown_columns: z.array(z.string()),
    duplicate_keys: z.number().int().describe(
      "文件中重复的键（取最后一行）keys repeated in the file (last row used)",
    ),
    not_in_master: z.object({
      rows: z.number().int(),
      wells: z.number().int(),
      examples: z.array(z.string()),
    }).nullable()
      .describe(
        "井号不在油井基础信息中的日报行（已保存）daily rows whose well is not in the well master (stored)",
      ),
    report: z.object({
      files: z.array(z.string()),
      wells_created: z.array(z.string()),
      wells_matched: z.array(z.object({ names: z.string(), well_id: z.string() })),
      activities: z.object({
        read: z.number().int(),
        ...writeCounts,
        removed: z.number().int(),
      }),
      reports: z.array(z.object({
        file: z.string(),
        well_id: z.string(),
        report_date: z.string(),
        action: z.string(),
        activities: z.number().int(),
        figures: z.array(
          z.object({
            field: z.string(),
            value: z.union([z.string(), z.number(), z.null()]),
            how: z.string().describe("数据如何得出 how the figure was obtained"),
          }),
        ),
      })).max(500),
    }).optional().describe(
      "WITSML/JSONL 导入：井、作业明细、各数值来源 drillReport/JSONL import: wells, activities, how each figure was obtained",
    ),
    message: z.string(),
  }),
  group: "admin",
  toolset: "write",
  annotations: IDEMPOTENT_CHANGE,
  async run(args, { db, user, progress }) {
    const reports = reportFiles(args);
    if (reports && (args.csv_text !== undefined || args.xlsx_base64 !== undefined)) {
      throw new ToolError(
        "invalid",
        "报告文件（xml_text/jsonl_text）与表格文件（csv_text/xlsx_base64）请分开导入 / import report files and table files in separate calls",
      );
    }
    let total = 0;
    const progressOptions = progress && {
      onStart: (rows: number) =>
        progress(0, total = rows, `开始导入 ${rows} 行 / importing ${rows} rows`),
      onProgress: (done: number) =>
        progress(done, total, `已处理 ${done}/${total} 行 / ${done} of ${total} rows done`),
    };
    // The importer (and exceljs under it) is loaded by the first import, not at every start.
    const [{ ImportFileError, importFile }, { importReports }, { summaryText }] = await Promise.all(
      [
        import("../import/import-file.ts"),
        import("../import/import-reports.ts"),
        import("../import/import-summary.ts"),
      ],
    );
    let summary: ImportSummary;
    try {
      if (reports) {
        summary = await importReports(db, reports, {
          dryRun: args.dry_run,
          actor: actorOf(user),
          ...progressOptions,
        });
      } else {
        const { bytes, ext } = fileBytes(args);
        const fileName = args.file_name
          ? (args.file_name.toLowerCase().endsWith(`.${ext}`)
            ? args.file_name
            : `${args.file_name}.${ext}`)
          : `upload.${ext}`;
        summary = await importFile(db, bytes, {
          fileName,
          table: args.table,
          dryRun: args.dry_run,
          actor: actorOf(user),
          ...progressOptions,
        });
      }
    } catch (error) {
      if (error instanceof ImportFileError) throw new ToolError("invalid", error.message);
      throw error;
    }
    const text = summaryText(summary, 30);
    return {
      structured: {
        file: summary.file,
        table: summary.table,
        dry_run: summary.dry_run,
        rows_read: summary.rows_read,
        inserted: summary.inserted,
        updated: summary.updated,
        unchanged: summary.unchanged,
        rejected: summary.rejected,
        blank_rows: summary.blank_rows,
        rejected_rows: summary.rejected_rows.slice(0, IMPORT_REJECTED_SHOWN),
        unknown_columns: [...summary.unknown_columns],
        duplicate_keys: summary.duplicate_keys.length,
        not_in_master: summary.not_in_master &&
          { ...summary.not_in_master, examples: [...summary.not_in_master.examples] },
        ...(summary.report ? { report: reportOutput(summary.report) } : {}),
        message: text.split("\n")[0],
      },
      text: summary.dry_run
        ? `${text}\n确认无误后用 dry_run=false 再调用一次以写入。 / Call again with dry_run=false to write it once the user agrees.`
        : text,
    };
  },
});
