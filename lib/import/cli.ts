import { readFile, writeFile } from "node:fs/promises";
import { basename } from "node:path";
import { parseArgs } from "node:util";
import { loadConfig } from "../config.ts";
import { openDatabase } from "../db.ts";
import { migrate } from "../migrations/index.ts";
import { WRITE_TARGETS } from "../write/targets.ts";
import { importFile } from "./import-file.ts";
import { summaryText } from "./import-summary.ts";
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
  `用法 usage: npm run import -- FILE.xlsx|FILE.csv [--table ${TABLES.join("|")}] [--dry-run] [--report FILE.json]\n` +
  `  按自然键写入（重复导入不会重复数据），一个文件一个事务；数据库由 DATABASE_URL 指定。\n` +
  `  Upserts by natural key (importing twice adds nothing), one transaction per file; DATABASE_URL selects the database.\n`;

/**
 * The import command: reads FILE, imports it (or with --dry-run only reports),
 * shows progress on stderr and the summary on stdout, writes --report as JSON.
 * Returns the exit code: 0 done, 1 the import failed (nothing written), 2 bad usage.
 */
export async function runImportCli(argv: readonly string[], io: CliIo): Promise<number> {
  let args;
  try {
    args = parseArgs({
      args: [...argv], allowPositionals: true,
      options: { table: { type: "string" }, "dry-run": { type: "boolean" }, report: { type: "string" }, help: { type: "boolean", short: "h" } },
    });
  } catch (error) {
    io.stderr(`参数错误 / bad arguments: ${(error as Error).message}\n${IMPORT_USAGE}`);
    return 2;
  }
  const { values, positionals } = args;
  if (values.help) return (io.stdout(IMPORT_USAGE), 0);
  if (positionals.length !== 1) {
    io.stderr(`请给出一个文件 / give exactly one file, got ${positionals.length}\n${IMPORT_USAGE}`);
    return 2;
  }
  if (values.table !== undefined && !TABLES.includes(values.table)) {
    io.stderr(`未知的表 "${values.table}" / unknown table "${values.table}": use one of ${TABLES.join(", ")}\n`);
    return 2;
  }
  const path = positionals[0];
  let config;
  try {
    config = loadConfig(io.env);
  } catch (error) {
    io.stderr(`${(error as Error).message}\n`);
    return 2;
  }
  const db = await openDatabase(config.database, { authToken: config.databaseAuthToken });
  try {
    await migrate(db);
    const bytes = new Uint8Array(await readFile(path));
    const progress = createProgress({ write: io.stderr, tty: io.tty });
    io.stderr(`读取 reading ${path} …\n`);
    const summary = await importFile(db, bytes, {
      fileName: basename(path), table: values.table, dryRun: values["dry-run"] ?? false, actor: `import ${io.user}`,
      onStart: (rows) => progress.start(rows), onProgress: (done) => progress.update(done),
    });
    progress.finish();
    io.stdout(`${summaryText(summary)}\n`);
    if (values.report) {
      await writeFile(values.report, JSON.stringify(summary, null, 2) + "\n");
      io.stdout(`报告已写入 / report written to ${values.report}\n`);
    }
    return 0;
  } catch (error) {
    io.stderr(`\n导入失败，数据库未改变 / import failed, the database is unchanged: ${(error as Error).message}\n`);
    return 1;
  } finally {
    db.close();
  }
}
