import { spawnSync } from "node:child_process";
import { statSync } from "node:fs";
import type { BenchServer, ServerSpec } from "./process.ts";
import { startServer } from "./process.ts";
import { BENCH_IDENTITY, mcpCall, send } from "./requests.ts";
import { median, percentile } from "./stats.ts";
import { toolLogLines } from "./logs.ts";

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Start-up to the first healthy /health and resident memory once idle. */
export interface StartupResult {
  readonly startMs: number;
  readonly idleRssMb: number;
  readonly samples: readonly { startMs: number; idleRssMb: number }[];
}

/**
 * Starts `spec` once to warm caches and apply any migration, then `times` more,
 * each time timing spawn → healthy and reading RSS after `idleMs` of quiet.
 */
export async function measureStartup(
  spec: ServerSpec,
  times: number,
  idleMs = 1000,
): Promise<StartupResult> {
  await (await startServer(spec)).stop();
  const samples: { startMs: number; idleRssMb: number }[] = [];
  for (let i = 0; i < times; i++) {
    const server = await startServer(spec);
    await sleep(idleMs);
    samples.push({ startMs: server.startMs, idleRssMb: server.memory().rssMb });
    await server.stop();
  }
  return {
    startMs: median(samples.map((s) => s.startMs)),
    idleRssMb: median(samples.map((s) => s.idleRssMb)),
    samples,
  };
}

/** The streaming CSV download of drilling_daily. */
export interface ExportResult {
  readonly rows: number;
  readonly megabytes: number;
  readonly seconds: number;
  readonly rowsPerSec: number;
  readonly firstByteMs: number;
  readonly peakRssMb: number;
}

/** Downloads GET /export/drilling_daily.csv as ADMIN, counting lines, and reads the server's peak RSS after. */
export async function measureExport(server: BenchServer): Promise<ExportResult> {
  const started = performance.now();
  const res = await fetch(`${server.url}/export/drilling_daily.csv`, {
    headers: { ...BENCH_IDENTITY, "X-User-Role": "ADMIN" },
  });
  if (!res.ok || !res.body) {
    throw new Error(`export answered ${res.status}: "${(await res.text()).slice(0, 200)}"`);
  }
  let firstByteMs = NaN;
  let bytes = 0;
  let lines = 0;
  for await (const chunk of res.body) {
    if (Number.isNaN(firstByteMs)) firstByteMs = performance.now() - started;
    bytes += chunk.byteLength;
    for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) lines++;
  }
  const seconds = (performance.now() - started) / 1000;
  const rows = lines - 1; // the header line
  return {
    rows,
    megabytes: bytes / 1e6,
    seconds,
    rowsPerSec: rows / seconds,
    firstByteMs,
    peakRssMb: server.memory().peakMb,
  };
}

/** A filtered query (one well, one month) timed inside the server and by the client. */
export interface FilteredResult {
  readonly calls: number;
  /** From the server's log line `ms` (the call pipeline: permission, validation, query, rendering). */
  readonly serverP50Ms: number;
  readonly serverP99Ms: number;
  /** Round trip over loopback HTTP, one call at a time. */
  readonly clientP50Ms: number;
  readonly meanRows: number;
}

/**
 * Runs `calls` MCP `query_drilling_data` calls, one at a time, each for a different
 * well and month (deterministic), and reads the server-side times from its log.
 */
export async function measureFiltered(
  server: BenchServer,
  calls: number,
  wells: number,
  firstYear: number,
  years: number,
): Promise<FilteredResult> {
  const from = statSync(server.logFile).size;
  const client: number[] = [];
  let rows = 0;
  for (let i = 0; i < calls; i++) {
    const well = `W${String(1 + ((i * 37) % wells)).padStart(3, "0")}`;
    const year = firstYear + (i % years);
    const month = String(1 + ((i * 5) % 12)).padStart(2, "0");
    const last = new Date(Date.UTC(year, Number(month), 0)).getUTCDate();
    const request = mcpCall("query_drilling_data", {
      well_id: well,
      date_from: `${year}-${month}-01`,
      date_to: `${year}-${month}-${last}`,
      limit: 50,
    }, i + 1);
    const started = performance.now();
    const { body } = await send(server.url, request);
    client.push(performance.now() - started);
    if (body.result?.isError || body.error) {
      throw new Error(`filtered query failed: ${JSON.stringify(body).slice(0, 300)}`);
    }
    const records = body.result?.structuredContent?.records;
    if (!records) {
      throw new Error(
        `filtered query answered without records: ${JSON.stringify(body).slice(0, 300)}`,
      );
    }
    rows += records.length;
  }
  await sleep(100);
  const server_ = toolLogLines(server.logFile, from).filter((l) => l.tool === "query_drilling_data")
    .map((l) => l.ms);
  if (server_.length < calls) {
    throw new Error(
      `expected ${calls} tool-call log lines in ${server.logFile}, found ${server_.length}: is LOG_LEVEL=info?`,
    );
  }
  return {
    calls,
    serverP50Ms: median(server_),
    serverP99Ms: percentile(server_, 99),
    clientP50Ms: median(client),
    meanRows: rows / calls,
  };
}

/** Median wall time of `times` bare `node -e ""` runs, ms: the runtime's own boot, the floor under any start-up. */
export function bareNodeBootMs(times: number): number {
  const samples: number[] = [];
  for (let i = 0; i < times; i++) {
    const started = performance.now();
    spawnSync(process.execPath, ["-e", ""]);
    samples.push(performance.now() - started);
  }
  return median(samples);
}
