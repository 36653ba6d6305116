import { existsSync, renameSync, rmSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openDatabase } from "../lib/db/db.ts";
import { migrate } from "../lib/db/migrations/index.ts";
import { insertStatements } from "../lib/seed/index.ts";
import { benchDaily, benchWells } from "./data.ts";

// Bump when the generated data changes, so cached files are rebuilt.
const DATA_VERSION = 1;

/** Where the bench keeps its generated databases (reused across runs). */
export function benchCacheDir(): string {
  return join(tmpdir(), "oilfield-bench");
}

/**
 * Returns the path of a migrated libSQL file holding `records` drilling daily rows
 * over `wells` wells, generating it (one transaction, multi-row inserts) unless a
 * cached one exists. `onProgress` hears about a fresh build.
 */
export async function ensureBenchDatabase(
  records: number,
  wells = 300,
  onProgress?: (line: string) => void,
): Promise<{ path: string; built: boolean; seconds: number }> {
  const dir = benchCacheDir();
  await mkdir(dir, { recursive: true });
  const path = join(dir, `daily-${records}-wells-${wells}-v${DATA_VERSION}.db`);
  if (existsSync(path)) return { path, built: false, seconds: 0 };
  const partial = `${path}.partial`;
  for (const f of [partial, `${partial}-wal`, `${partial}-shm`]) rmSync(f, { force: true });
  const started = performance.now();
  const db = await openDatabase({ url: `file:${partial}`, kind: "file", path: partial });
  try {
    await migrate(db);
    await db.transaction(async (tx) => {
      for (const s of insertStatements("wells", benchWells({ records, wells }))) {
        await tx.execute(s.sql, s.args);
      }
      let done = 0;
      for (const batch of benchDaily({ records, wells })) {
        const rows = batch.map((row) => ({ ...row, created_by: "bench-seed" }));
        for (const s of insertStatements("drilling_daily", rows, 400)) {
          await tx.execute(s.sql, s.args);
        }
        done += batch.length;
        if (onProgress && done % 100_000 < batch.length) onProgress(`  ${done} / ${records} rows`);
      }
    });
    await db.execute("PRAGMA wal_checkpoint(TRUNCATE)");
  } finally {
    db.close();
  }
  renameSync(partial, path);
  for (const f of [`${partial}-wal`, `${partial}-shm`]) rmSync(f, { force: true });
  return { path, built: true, seconds: (performance.now() - started) / 1000 };
}
