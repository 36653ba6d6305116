import type { DuplicateKey, RowRejection } from "./types.ts";

/** Daily rows whose well is not in the well master (normal in the field's data: stored, only counted). */
export interface NotInMaster {
  readonly rows: number;
  readonly wells: number;
  /** Up to 20 of those well ids. */
  readonly examples: readonly string[];
}

/** What a drillReport / campaign import did beyond the daily reports: wells, activities, how each figure was obtained. */
export interface ReportImportDetail {
  readonly files: readonly string[];
  /** Well ids created because no stored well had any of the report's names. */
  readonly wells_created: readonly string[];
  /** Report names (joined by " / ") matched to a stored well id. */
  readonly wells_matched: readonly { readonly names: string; readonly well_id: string }[];
  readonly activities: {
    readonly read: number;
    readonly inserted: number;
    readonly updated: number;
    readonly unchanged: number;
    readonly rejected: number;
    /** Live activities of a re-imported day that the files no longer list (soft-deleted). */
    readonly removed: number;
  };
  /** One entry per report day: what happened to it and how each figure was obtained. */
  readonly reports: readonly {
    readonly file: string;
    readonly well_id: string;
    readonly report_date: string;
    readonly action: string;
    readonly activities: number;
    readonly figures: readonly {
      readonly field: string;
      readonly value: string | number | null;
      readonly how: string;
    }[];
  }[];
  /** Well days given by several files of the batch: the last of `files` was imported, the others ignored. */
  readonly superseded: readonly {
    readonly well_id: string;
    readonly report_date: string;
    readonly files: readonly string[];
  }[];
}

/** What an import did (or, in a dry run, would do). `--report FILE.json` writes exactly this. */
export interface ImportSummary {
  readonly file: string;
  readonly table: string;
  readonly format: "xlsx" | "csv" | "witsml" | "jsonl";
  readonly encoding: "utf-8" | "gb18030" | null;
  readonly dry_run: boolean;
  /** Data rows that held something (blank rows not counted). */
  readonly rows_read: number;
  readonly inserted: number;
  readonly updated: number;
  readonly unchanged: number;
  /** Rows refused (each listed in `rejected_rows`, one entry per bad cell). */
  readonly rejected: number;
  readonly rejected_rows: readonly RowRejection[];
  readonly blank_rows: number;
  /** Keys found on several rows of the file; the last row of each was used. */
  readonly duplicate_keys: readonly DuplicateKey[];
  readonly unknown_columns: readonly string[];
  /** null for the well master itself. */
  readonly not_in_master: NotInMaster | null;
  readonly seconds: number;
  readonly rows_per_second: number;
  /** Only for WITSML drillReport XML and campaign JSONL imports. */
  readonly report?: ReportImportDetail;
}

/** The summary as a few bilingual lines for a terminal or a tool's text, rejected rows capped at `maxRejected`. */
export function summaryText(s: ImportSummary, maxRejected = 20): string {
  const head = s.dry_run
    ? `试运行（未写入任何数据）/ dry run (nothing written): ${s.file} → ${s.table}`
    : `已导入 / imported: ${s.file} → ${s.table}`;
  const lines = [
    head,
    `读取 ${s.rows_read} 行 / ${s.rows_read} rows read: 新增 inserted ${s.inserted}, 更新 updated ${s.updated}, ` +
    `未变 unchanged ${s.unchanged}, 拒绝 rejected ${s.rejected}; 空行 blank ${s.blank_rows}`,
  ];
  if (s.report) lines.push(...reportLines(s.report));
  if (s.not_in_master && s.not_in_master.rows > 0) {
    lines.push(
      `井号不在油井基础信息中（已保存）/ rows whose well is not in the well master (stored): ${s.not_in_master.rows} rows, ` +
        `${s.not_in_master.wells} wells, e.g. ${s.not_in_master.examples.slice(0, 5).join(", ")}`,
    );
  }
  if (s.duplicate_keys.length && !s.report) {
    lines.push(
      `重复键 ${s.duplicate_keys.length} 个，取最后一行 / ${s.duplicate_keys.length} keys repeated in the file, the last row used: ` +
        s.duplicate_keys.slice(0, 5).map((d) => `${d.key.join(" ")} (rows ${d.rows.join(", ")})`)
          .join("; "),
    );
  }
  if (s.unknown_columns.length) {
    lines.push(`忽略的列 / ignored columns: ${s.unknown_columns.join(", ")}`);
  }
  for (const r of s.rejected_rows.slice(0, maxRejected)) {
    lines.push(
      `  第 ${r.row} 行 row ${r.row}, ${r.column} = ${JSON.stringify(r.value)}: ${r.reason}`,
    );
  }
  if (s.rejected_rows.length > maxRejected) {
    lines.push(
      `  …另有 ${s.rejected_rows.length - maxRejected} 条 / ${
        s.rejected_rows.length - maxRejected
      } more (see the JSON report)`,
    );
  }
  lines.push(`用时 ${s.seconds} s, ${s.rows_per_second} 行/秒 rows/s`);
  return lines.join("\n");
}

function reportLines(r: ReportImportDetail): string[] {
  const a = r.activities;
  const lines = [
    `作业明细 ${a.read} 行 / ${a.read} activity lines: 新增 inserted ${a.inserted}, 更新 updated ${a.updated}, 未变 unchanged ${a.unchanged}, ` +
    `拒绝 rejected ${a.rejected}, 移除（文件中已无）removed (no longer in the file) ${a.removed}`,
  ];
  for (const d of r.superseded.slice(0, 10)) {
    lines.push(
      `同一井日在多个文件中，取后一个 ${
        d.files.at(-1)
      } / the same well day in several files of the batch, the later file used: ` +
        `${d.well_id} ${d.report_date}: ${d.files.join(" → ")}`,
    );
  }
  if (r.superseded.length > 10) {
    lines.push(
      `  …另有 ${r.superseded.length - 10} 个重复井日 / ${
        r.superseded.length - 10
      } more repeated well days (see the JSON report)`,
    );
  }
  if (r.wells_created.length) lines.push(`新建井 / wells created: ${r.wells_created.join(", ")}`);
  for (const m of r.wells_matched) {
    lines.push(`井名 ${m.names} → 已有井 / matched to stored well ${m.well_id}`);
  }
  for (const rep of r.reports.slice(0, 5)) {
    const figs = rep.figures.filter((f) => ["depth_m", "footage_m", "rop_m_h"].includes(f.field))
      .map((f) => `${f.field} = ${f.value ?? "—"} ← ${f.how}`);
    lines.push(
      `  ${rep.well_id} ${rep.report_date} (${rep.action}, ${rep.activities} activities): ${
        figs.join("; ")
      }`,
    );
  }
  if (r.reports.length > 5) {
    lines.push(
      `  …另有 ${r.reports.length - 5} 个报告日 / ${
        r.reports.length - 5
      } more report days (see the JSON report)`,
    );
  }
  return lines;
}
