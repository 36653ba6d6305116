// The field-scale part of `npm run bench` (issue 16): a field imported from CSV files as a user
// does, then the analyses alone, a lookup beside 1 and 4 engineers, and a lock held elsewhere.
import { join } from "node:path";
import { ensureFieldDatabase, fieldWellId } from "./field-data.ts";
import { analysesAlone, FIELD_ANALYSES, lookupUnderAnalyses, whileLockHeld } from "./field.ts";
import { startServer } from "./process.ts";
import { fmt } from "./report.ts";
import type { TargetRow } from "./report.ts";

/** Options of {@link fieldRows}. */
export interface FieldOptions {
  readonly quick: boolean;
  readonly workDir: string;
  readonly say: (line: string) => void;
  /** The server's command and arguments (the bundle by default). */
  readonly command?: readonly string[];
}

/** Runs the field workloads on the bundle and returns their rows of the target table. */
export async function fieldRows(
  options: FieldOptions,
): Promise<{ rows: TargetRow[]; raw: Record<string, unknown> }> {
  const { quick, say } = options;
  const wells = 2300, reports = quick ? 20_000 : 80_500;
  say(
    `field: ${wells} wells, ${reports} daily reports, imported from field-layout CSV files (cached) …`,
  );
  const dbPath = ensureFieldDatabase(wells, reports, say);
  const [command, ...args] = options.command ?? [process.execPath, "dist/oilfield-mcp.mjs"];
  const server = await startServer({
    label: "bundle-field",
    command,
    args,
    env: { DATABASE_URL: `file:${dbPath}`, LOG_LEVEL: "warn" },
    logFile: join(options.workDir, "bundle-field.log"),
  });
  try {
    const well = fieldWellId(0);
    say("  analyses alone …");
    const alone = await analysesAlone(server, quick ? 1 : 3);
    say("  a small lookup while 1, then 4 engineers run analyses back to back …");
    const one = await lookupUnderAnalyses(server, 1, quick ? 4 : 10, well);
    const four = await lookupUnderAnalyses(server, 4, quick ? 4 : 10, well);
    say("  another process holds the write lock 3 s …");
    const lock = await whileLockHeld(server, dbPath, 3000, well);
    const rows: TargetRow[] = [
      ...FIELD_ANALYSES.map(([name]) => ({
        workload: `\`${name} {}\` alone, field scale (${wells} wells, ${reports / 1000}k reports)`,
        measured: `${fmt(alone[name])} ms (median round trip)`,
        target: "≤ 200 ms",
        met: alone[name] <= 200,
      })),
      ...[one, four].map((u) => ({
        workload:
          `USER \`query_drilling_data {"well_id":"${well}","limit":5}\` while ${u.users} engineer(s) run analyses back to back`,
        measured: `p99 ${fmt(u.p99Ms)} ms (p50 ${fmt(u.p50Ms)}, max ${
          fmt(u.maxMs)
        }; ${u.lookups} lookups, ${u.analyses} analyses; ${u.errors} errors, ${u.resets} resets)`,
        target: u.users === 1 ? "p99 ≤ 50 ms" : "p99 ≤ 150 ms, zero resets, zero errors",
        met: u.p99Ms <= (u.users === 1 ? 50 : 150) && u.errors === 0 && u.resets === 0,
      })),
      {
        workload: "another process holds the write lock 3 s: /health and a read meanwhile",
        measured: `/health max ${fmt(lock.healthMaxMs)} ms, read max ${
          fmt(lock.readMaxMs)
        } ms (${lock.probes} probes, ${lock.failures} failed); the write sent meanwhile: ${lock.writeStatus}`,
        target: "each within 100 ms",
        met: lock.healthMaxMs <= 100 && lock.readMaxMs <= 100 && lock.failures === 0,
      },
    ];
    return { rows, raw: { wells, reports, alone, one, four, lock } };
  } finally {
    await server.stop();
  }
}
