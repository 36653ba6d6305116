import { join } from "node:path";
import type { BenchServer } from "./process.ts";
import { checkAnswer, FLOOR_REQUEST, WORKLOADS } from "./requests.ts";
import { median } from "./stats.ts";
import type { LoadResult } from "./wrk.ts";
import { runWrk } from "./wrk.ts";

/** One workload against the floor, alternated. */
export interface ThroughputResult {
  readonly key: string;
  readonly title: string;
  readonly target: number;
  /** Median over rounds of (workload req/s ÷ the floor's req/s in the run just before it). */
  readonly ratio: number;
  readonly reqPerSec: number;
  readonly floorReqPerSec: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly floorP50Ms: number;
  readonly errors: number;
  /** Server CPU per request, µs (robust on a busy machine): workload and floor. */
  readonly cpuUsPerReq: number;
  readonly floorCpuUsPerReq: number;
  readonly rounds: readonly { floor: LoadResult; run: LoadResult }[];
}

/** Settings for {@link measureThroughput}. */
export interface ThroughputOptions {
  readonly rounds: number;
  readonly seconds: number;
  readonly connections: number;
  readonly workDir: string;
  readonly onRound?: (line: string) => void;
}

function loaded(
  server: BenchServer,
  url: string,
  request: typeof FLOOR_REQUEST,
  o: ThroughputOptions,
  name: string,
) {
  const cpu0 = server.cpu();
  const result = runWrk(url, request, {
    seconds: o.seconds,
    connections: o.connections,
    scriptPath: join(o.workDir, `${name}.lua`),
  });
  const cpuUs = ((server.cpu() - cpu0) * 1e6) / Math.max(1, result.requests);
  return { result, cpuUs };
}

/**
 * For every workload: checks one answer, warms both servers, then alternates
 * floor and workload runs `rounds` times, so slow phases of a noisy machine hit both.
 */
export async function measureThroughput(
  app: BenchServer,
  floor: BenchServer,
  o: ThroughputOptions,
): Promise<ThroughputResult[]> {
  await checkAnswer(floor.url, "floor", FLOOR_REQUEST);
  for (const [key, w] of Object.entries(WORKLOADS)) await checkAnswer(app.url, key, w.request);
  const warm = { ...o, seconds: 2 };
  loaded(floor, floor.url, FLOOR_REQUEST, warm, "floor");
  for (const [key, w] of Object.entries(WORKLOADS)) loaded(app, app.url, w.request, warm, key);
  const out: ThroughputResult[] = [];
  for (const [key, w] of Object.entries(WORKLOADS)) {
    const rounds: { floor: LoadResult; run: LoadResult }[] = [];
    const cpu: number[] = [];
    const floorCpu: number[] = [];
    for (let r = 0; r < o.rounds; r++) {
      const f = loaded(floor, floor.url, FLOOR_REQUEST, o, "floor");
      const a = loaded(app, app.url, w.request, o, key);
      rounds.push({ floor: f.result, run: a.result });
      floorCpu.push(f.cpuUs);
      cpu.push(a.cpuUs);
      o.onRound?.(
        `  ${key} round ${r + 1}: ${a.result.reqPerSec.toFixed(0)} req/s vs floor ${
          f.result.reqPerSec.toFixed(0)
        }`,
      );
    }
    out.push({
      key,
      title: w.title,
      target: w.target,
      ratio: median(rounds.map((x) => x.run.reqPerSec / x.floor.reqPerSec)),
      reqPerSec: median(rounds.map((x) => x.run.reqPerSec)),
      floorReqPerSec: median(rounds.map((x) => x.floor.reqPerSec)),
      p50Ms: median(rounds.map((x) => x.run.p50Ms)),
      p99Ms: median(rounds.map((x) => x.run.p99Ms)),
      floorP50Ms: median(rounds.map((x) => x.floor.p50Ms)),
      errors: rounds.reduce((s, x) => s + x.run.errors, 0),
      cpuUsPerReq: median(cpu),
      floorCpuUsPerReq: median(floorCpu),
      rounds,
    });
  }
  return out;
}
