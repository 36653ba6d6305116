import { readdir, readFile, stat, writeFile } from "node:fs/promises";
import { basename, join } from "node:path";
import { parseArgs } from "node:util";
import { loadConfig } from "../config/config.ts";
import { openDatabase } from "../db/db.ts";
import { migrate } from "../db/migrations/index.ts";
import { WRITE_TARGETS } from "../write/targets.ts";
import { importFile } from "./import-file.ts";
import { importReports } from "./import-reports.ts";
import { summaryText } from "./import-summary.ts";
import type { ImportSummary } from "./import-summary.ts";
import { isReportFile, MAX_REPORT_FILE } from "./witsml/report-file.ts";
import { createProgress } from "./progress.ts";

/** What the import command talks to (process streams in scripts/import.ts, captures in tests). */
export interface CliIo {
  readonly env: Record<string, string | undefined>;
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  /** Whether stderr is a terminal (a redrawn progress bar) or not (plain lines). */
  readonly tty: boolean;
  /** Who runs it, for created_by/updated_by and record_history. */
  readonly user: string;
}

const TABLES = WRITE_TARGETS.map((t) => t.table.name);

/** `npm run import -- --help`. */
export const IMPORT_USAGE =
  `用法 usage: npm run import -- FILE.xlsx|FILE.csv|REPORT.xml…|CAMPAIGN.jsonl…|FOLDER [--table ${
    TABLES.join("|")
  }] [--dry-run] [--report FILE.json]\n` +
  `  按自然键写入（重复导入不会重复数据），一个文件一个事务；WITSML drillReport XML 与作业 JSONL 可给多个文件或文件夹，整批一个事务。\n` +
  `  Upserts by natural key (importing twice adds nothing), one transaction per file; WITSML drillReport XML and activity\n` +
  `  JSONL files may be several files or a folder, imported in one transaction. DATABASE_URL selects the database.\n`;

/** The files named on the command line, a folder standing for its .xml/.jsonl/.csv/.xlsx files (sorted, not recursive). */
async function expandPaths(paths: readonly string[]): Promise<string[]> {
  const out: string[] = [];
  for (const p of paths) {
    if (!(await stat(p)).isDirectory()) {
      out.push(p);
      continue;
    }
    const names = (await readdir(p)).filter((n) => /\.(xml|jsonl|csv|xlsx)$/i.test(n)).sort();
    if (names.length === 0) {
      throw new Error(
        `文件夹 "${p}" 中没有可导入的文件 / folder "${p}" holds no .xml, .jsonl, .csv or .xlsx file`,
      );
    }
    out.push(...names.map((n) => join(p, n)));
  }
  return out;
}

/**
 * The import command: reads FILE, imports it (or with --dry-run only reports),
 * shows progress on stderr and the summary on stdout, writes --report as JSON.
 * Returns the exit code: 0 done, 1 the import failed (nothing written), 2 bad usage.
 */
export async function runImportCli(argv: readonly string[], io: CliIo): Promise<number> {
  let args;
  try {
    args = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        table: { type: "string" },
        "dry-run": { type: "boolean" },
        report: { type: "string" },
        help: { type: "boolean", short: "h" },
      },
    });
  } catch (error) {
    io.stderr(`参数错误 / bad arguments: ${(error as Error).message}\n${IMPORT_USAGE}`);
    return 2;
  }
  const { values, positionals } = args;
  if (values.help) return (io.stdout(IMPORT_USAGE), 0);
  if (positionals.length === 0) {
    io.stderr(`请给出文件 / give a file, several files or a folder\n${IMPORT_USAGE}`);
    return 2;
  }
  if (values.table !== undefined && !TABLES.includes(values.table)) {
    io.stderr(
      `未知的表 "${values.table}" / unknown table "${values.table}": use one of ${
        TABLES.join(", ")
      }\n`,
    );
    return 2;
  }
  let config;
  try {
    config = loadConfig(io.env);
  } catch (error) {
    io.stderr(`${(error as Error).message}\n`);
    return 2;
  }
  const summaries: ImportSummary[] = [];
  const db = await openDatabase(config.database, { authToken: config.databaseAuthToken });
  try {
    await migrate(db);
    const paths = await expandPaths(positionals);
    const reports = paths.filter((p) => isReportFile(p));
    if (reports.length > 0 && reports.length < paths.length) {
      throw new Error(
        "请分开导入报告文件（.xml/.jsonl）与表格文件（.csv/.xlsx） / import report files (.xml/.jsonl) and table files (.csv/.xlsx) separately",
      );
    }
    if (reports.length > 0 && values.table !== undefined) {
      throw new Error(
        `报告文件不用 --table（写入 drilling_daily 与 drilling_activities）/ report files take no --table "${values.table}": they fill drilling_daily and drilling_activities`,
      );
    }
    const progress = createProgress({ write: io.stderr, tty: io.tty });
    const common = {
      dryRun: values["dry-run"] ?? false,
      actor: `import ${io.user}`,
      onStart: (rows: number) => progress.start(rows),
      onProgress: (done: number) => progress.update(done),
    };
    if (reports.length > 0) {
      io.stderr(`读取 reading ${paths.length} 个报告文件 report file(s) …\n`);
      for (const p of paths) {
        const size = (await stat(p)).size;
        if (size > MAX_REPORT_FILE) {
          throw new Error(
            `文件 "${p}" 过大：${size} 字节，上限 ${MAX_REPORT_FILE} / file "${p}" is too large: ${size} bytes, the limit is ${MAX_REPORT_FILE}`,
          );
        }
      }
      const files = await Promise.all(
        paths.map(async (p) => ({ name: basename(p), bytes: new Uint8Array(await readFile(p)) })),
      );
      summaries.push(await importReports(db, files, common));
      progress.finish();
    } else {
      for (const path of paths) {
        io.stderr(`读取 reading ${path} …\n`);
        const bytes = new Uint8Array(await readFile(path));
        summaries.push(
          await importFile(db, bytes, { ...common, fileName: basename(path), table: values.table }),
        );
        progress.finish();
      }
    }
    for (const summary of summaries) io.stdout(`${summaryText(summary)}\n`);
    if (values.report) {
      await writeFile(
        values.report,
        JSON.stringify(summaries.length === 1 ? summaries[0] : summaries, null, 2) + "\n",
      );
      io.stdout(`报告已写入 / report written to ${values.report}\n`);
    }
    return 0;
  } catch (error) {
    const done = summaries.map((s) => s.file).join(", ");
    const kept = done ? `（之前的文件已导入 / files imported before it stay: ${done}）` : "";
    io.stderr(
      `\n导入失败，数据库未改变${kept} / import failed, the database is unchanged: ${
        (error as Error).message
      }\n`,
    );
    return 1;
  } finally {
    db.close();
  }
}
