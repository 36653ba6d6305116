// The field-scale workloads of issue 16: analyses alone, a small lookup while 1 and 4 users run
// analyses back to back, and another process holding the write lock.
import { spawn } from "node:child_process";
import type { BenchServer } from "./process.ts";
import { BENCH_IDENTITY } from "./requests.ts";
import { median, percentile } from "./stats.ts";

/** The field-wide analyses timed alone and run back to back by the "engineers". */
export const FIELD_ANALYSES: readonly (readonly [string, Record<string, unknown>])[] = [
  ["compare_wells", {}],
  ["analyze_rop", {}],
  ["analyze_npt", {}],
];

/** One REST tool call; `ok` false on a non-200 answer or a network error (reset, refused). */
export async function restCall(
  url: string,
  name: string,
  args: Record<string, unknown>,
  role = "ENGINEER",
): Promise<{ ok: boolean; ms: number; error?: string }> {
  const started = performance.now();
  try {
    const res = await fetch(`${url}/mcp/call-tool`, {
      method: "POST",
      headers: { ...BENCH_IDENTITY, "X-User-Role": role, "Content-Type": "application/json" },
      body: JSON.stringify({ name, arguments: args }),
    });
    const body = await res.text();
    return {
      ok: res.status === 200,
      ms: performance.now() - started,
      error: res.status === 200 ? undefined : `${res.status} ${body.slice(0, 200)}`,
    };
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause;
    return {
      ok: false,
      ms: performance.now() - started,
      error: cause?.code ?? (error as Error).message,
    };
  }
}

/** Median ms of each analysis alone (`times` calls each, after one warm-up call). */
export async function analysesAlone(
  server: BenchServer,
  times: number,
): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const [name, args] of FIELD_ANALYSES) {
    const first = await restCall(server.url, name, args);
    if (!first.ok) throw new Error(`${name} failed: ${first.error}`);
    const ms: number[] = [];
    for (let i = 0; i < times; i++) ms.push((await restCall(server.url, name, args)).ms);
    out[name] = median(ms);
  }
  return out;
}

/** What the small lookups saw while `users` engineers ran analyses back to back. */
export interface UnderLoad {
  readonly users: number;
  readonly lookups: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly maxMs: number;
  readonly analyses: number;
  readonly errors: number;
  readonly resets: number;
}

/** A USER's small lookup, one after another for `seconds`, while `users` engineers loop over the analyses. */
export async function lookupUnderAnalyses(
  server: BenchServer,
  users: number,
  seconds: number,
  wellId: string,
): Promise<UnderLoad> {
  let running = true;
  let analyses = 0, errors = 0, resets = 0;
  const count = (r: { ok: boolean; error?: string }) => {
    if (r.ok) return;
    errors++;
    if (r.error === "ECONNRESET" || r.error === "UND_ERR_SOCKET") resets++;
  };
  const engineers = Array.from({ length: users }, async (_, u) => {
    for (let i = u; running; i++) {
      const [name, args] = FIELD_ANALYSES[i % FIELD_ANALYSES.length];
      const r = await restCall(server.url, name, args);
      count(r);
      if (r.ok) analyses++;
    }
  });
  // Let the analyses get going before the lookups are timed.
  await new Promise((r) => setTimeout(r, 300));
  const ms: number[] = [];
  const until = performance.now() + seconds * 1000;
  while (performance.now() < until) {
    const r = await restCall(
      server.url,
      "query_drilling_data",
      { well_id: wellId, limit: 5 },
      "USER",
    );
    count(r);
    ms.push(r.ms);
  }
  running = false;
  await Promise.all(engineers);
  return {
    users,
    lookups: ms.length,
    p50Ms: median(ms),
    p99Ms: percentile(ms, 99),
    maxMs: Math.max(...ms),
    analyses,
    errors,
    resets,
  };
}

/** What reads and /health saw while another process held the write lock. */
export interface LockHeld {
  readonly healthMaxMs: number;
  readonly readMaxMs: number;
  readonly probes: number;
  readonly failures: number;
  /** The write sent meanwhile: its status once the lock came free (or the busy timeout struck). */
  readonly writeStatus: string;
}

/** Another process takes the write lock for `holdMs`; meanwhile a write waits and /health and a read are probed. */
export async function whileLockHeld(
  server: BenchServer,
  dbPath: string,
  holdMs: number,
  wellId: string,
): Promise<LockHeld> {
  const holder = spawn(process.execPath, ["bench/hold-lock.ts", dbPath, String(holdMs)], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  await new Promise<void>((resolve, reject) => {
    holder.stdout!.on("data", (d: Buffer) => d.toString().includes("locked") && resolve());
    holder.once(
      "exit",
      (code) => reject(new Error(`the lock holder exited (${code}) before taking the lock`)),
    );
  });
  const ended = new Promise((r) => holder.once("exit", r));
  const write = restCall(server.url, "update_drilling_record", { record_id: 1, depth_m: 1 });
  let healthMax = 0, readMax = 0, probes = 0, failures = 0;
  const until = performance.now() + holdMs - 200;
  while (performance.now() < until) {
    const h0 = performance.now();
    const h = await fetch(`${server.url}/health`).then((r) => r.status, () => 0);
    healthMax = Math.max(healthMax, performance.now() - h0);
    const read = await restCall(
      server.url,
      "query_drilling_data",
      { well_id: wellId, limit: 5 },
      "USER",
    );
    readMax = Math.max(readMax, read.ms);
    probes++;
    if (h !== 200 || !read.ok) failures++;
    await new Promise((r) => setTimeout(r, 50));
  }
  const w = await write;
  await ended;
  return {
    healthMaxMs: healthMax,
    readMaxMs: readMax,
    probes,
    failures,
    writeStatus: w.ok ? "200" : String(w.error).slice(0, 80),
  };
}
