// The benchmark: builds the bundle, generates the 100k and 1M databases (cached),
// loads the bundle against the floor, times start-up, export and filtered queries,
// prints one table of targets and writes bench/results/<time>.json.
// Usage: npm run bench   (BENCH_QUICK=1 for a short smoke run; BENCH_ONLY=field|load|startup|export|import,
// comma-separated, for those parts alone: the other rows are left out of the table)
import { build as esbuild } from "esbuild";
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, statSync, writeFileSync } from "node:fs";
import { cpus, loadavg, tmpdir, totalmem } from "node:os";
import { join } from "node:path";
import { ensureBenchDatabase } from "./database.ts";
import { measureImport } from "./import.ts";
import { toolLogLines } from "./logs.ts";
import { startServer } from "./process.ts";
import type { ServerSpec } from "./process.ts";
import { fmt, markdownTable } from "./report.ts";
import type { TargetRow } from "./report.ts";
import { bareNodeBootMs, measureExport, measureFiltered, measureStartup } from "./single.ts";
import { measureThroughput } from "./throughput.ts";
import { fieldRows } from "./field-run.ts";
import { haveWrk, WRK_INSTALL } from "./wrk.ts";

const quick = process.env.BENCH_QUICK === "1";
const onlyParts = (process.env.BENCH_ONLY ?? "").split(",").map((p) => p.trim()).filter(Boolean);
/** Whether this run measures `part` (every part unless BENCH_ONLY names some). */
const runs = (part: string) => onlyParts.length === 0 || onlyParts.includes(part);
const say = (line: string) => console.log(line);
const MB = 1024 * 1024;

if (runs("load") && !haveWrk()) {
  console.error(
    `wrk 未安装 / wrk is not installed: the load generator is Debian's wrk. Install it with:\n  ${WRK_INSTALL}`,
  );
  process.exit(2);
}
const benchStarted = performance.now();
const work = mkdtempSync(join(tmpdir(), "oilfield-bench-run-"));
const loadBefore = loadavg();

say("building the bundle (npm run build) …");
const build = spawnSync(process.execPath, ["scripts/build.mjs"], { stdio: "inherit" });
if (build.status !== 0) throw new Error(`npm run build failed (${build.status})`);

// The floor runs as plain JavaScript too (no TypeScript loader in its process), its packages from node_modules.
await esbuild({
  entryPoints: ["bench/floor.ts"],
  outfile: "dist/bench-floor.mjs",
  bundle: true,
  platform: "node",
  format: "esm",
  packages: "external",
  logLevel: "warning",
});

const binaryPath = "dist/oilfield-mcp";
if (runs("startup") && existsSync(binaryPath)) {
  say("rebuilding the single binary (npm run build:bin), since one was built before …");
  const bin = spawnSync(process.execPath, ["scripts/build-bin.mjs"], {
    stdio: ["ignore", "inherit", "ignore"],
  });
  if (bin.status !== 0) throw new Error(`npm run build:bin failed (${bin.status})`);
}

const sizes = { small: quick ? 20_000 : 100_000, large: quick ? 100_000 : 1_000_000 };
const dbs: Record<string, string> = {};
const needs = {
  small: runs("load") || runs("startup") || runs("import"),
  large: runs("startup") || runs("export"),
};
for (const [name, records] of Object.entries(sizes)) {
  if (!needs[name as keyof typeof needs]) continue;
  say(`database: ${records} records over 300 wells …`);
  const db = await ensureBenchDatabase(records, 300, say);
  say(db.built ? `  generated in ${db.seconds.toFixed(1)} s: ${db.path}` : `  reusing ${db.path}`);
  dbs[name] = db.path;
}

const bundleSpec = (db: string, label = "bundle"): ServerSpec => ({
  label,
  command: process.execPath,
  args: ["dist/oilfield-mcp.mjs"],
  env: { DATABASE_URL: `file:${db}`, LOG_LEVEL: "info" },
  logFile: join(work, `${label}.log`),
});
const binarySpec = (db: string): ServerSpec => ({
  label: "binary",
  command: `./${binaryPath}`,
  args: [],
  env: { DATABASE_URL: `file:${db}`, LOG_LEVEL: "info" },
  logFile: join(work, "binary.log"),
});

const rows: TargetRow[] = [];
const raw: Record<string, unknown> = {};

if (runs("field")) {
  const field = await fieldRows({ quick, workDir: work, say });
  rows.push(...field.rows);
  raw.field = field.raw;
}

if (runs("load")) {
  // Load: the bundle and the floor run side by side on the 100k database, alternated.
  // Short runs, many rounds: on a shared machine a burst of someone else's work lasts
  // seconds, and the median of many adjacent pairs sees through it.
  const rounds = quick ? 1 : 8;
  const seconds = 2;
  say(
    `load: wrk -t2 -c32, ${rounds} rounds of ${seconds} s per workload, each after a floor run …`,
  );
  const app = await startServer(bundleSpec(dbs.small));
  const floor = await startServer({
    label: "floor",
    command: process.execPath,
    args: ["dist/bench-floor.mjs"],
    env: { DATABASE_PATH: dbs.small },
    logFile: join(work, "floor.log"),
  });
  const logStart = statSync(app.logFile).size;
  const load = await measureThroughput(app, floor, {
    rounds,
    seconds,
    connections: 32,
    workDir: work,
    onRound: say,
  });
  const notOk = toolLogLines(app.logFile, logStart).filter((l) => l.outcome !== "ok").length;
  const loadPeak = { app: app.memory().peakMb, floor: floor.memory().peakMb };
  await app.stop();
  await floor.stop();
  rows.push(
    ...load.map((l) => ({
      workload: l.title,
      measured:
        `${fmt(l.ratio, 2)}× floor (${fmt(l.reqPerSec)} vs ${fmt(l.floorReqPerSec)} req/s; p50 ${
          fmt(l.p50Ms, 1)
        } ms, p99 ${fmt(l.p99Ms, 1)} ms; ` +
        `server CPU ${fmt(l.cpuUsPerReq)} vs ${fmt(l.floorCpuUsPerReq)} µs/req = ${
          fmt(l.floorCpuUsPerReq / l.cpuUsPerReq, 2)
        }×; ${l.errors} errors)`,
      target: `≥ ${l.target}× floor${l.key === "mcp_call" ? ", zero errors" : ""}`,
      met: l.ratio >= l.target && l.errors === 0 && (l.key !== "mcp_call" || notOk === 0),
    })),
    {
      workload: "peak RSS under load (bundle / floor)",
      measured: `${fmt(loadPeak.app)} / ${fmt(loadPeak.floor)} MB`,
      target: "—",
      met: null,
    },
  );
  Object.assign(raw, { load, loadErrorsInLog: notOk });
}

if (runs("export")) {
  say(`export and filtered queries on ${sizes.large} records …`);
  const big = await startServer(bundleSpec(dbs.large, "bundle-large"));
  const exported = await measureExport(big);
  // Every well has reports on about records ÷ wells consecutive days from 2014 on.
  const filtered = await measureFiltered(
    big,
    quick ? 50 : 300,
    300,
    2014,
    Math.max(1, Math.floor(sizes.large / 300 / 365)),
  );
  await big.stop();
  rows.push(
    {
      workload: `filtered query (one well, one month) on ${sizes.large / 1e6}M records`,
      measured: `p50 ${fmt(filtered.serverP50Ms, 1)} ms server-side (log \`ms\`), p99 ${
        fmt(filtered.serverP99Ms, 1)
      } ms; round trip p50 ${fmt(filtered.clientP50Ms, 1)} ms; ${
        fmt(filtered.meanRows, 0)
      } rows each`,
      target: "p50 < 5 ms server-side",
      met: filtered.serverP50Ms < 5,
    },
    {
      workload: `export_all_data of ${sizes.large / 1e6}M records (GET /export/drilling_daily.csv)`,
      measured: `${fmt(exported.rowsPerSec)} rows/s (${exported.rows} rows, ${
        fmt(exported.megabytes)
      } MB in ${fmt(exported.seconds, 1)} s), peak RSS ${fmt(exported.peakRssMb)} MB`,
      target: "peak RSS < 200 MB, ≥ 200k rows/s",
      met: exported.peakRssMb < 200 && exported.rowsPerSec >= 200_000 &&
        exported.rows === sizes.large,
    },
  );
  Object.assign(raw, { exported, filtered });
}

if (runs("startup")) {
  say("start-up and idle memory …");
  const nodeBoot = bareNodeBootMs(quick ? 3 : 7);
  const startSmall = await measureStartup(bundleSpec(dbs.small), quick ? 2 : 5);
  const startLarge = await measureStartup(bundleSpec(dbs.large), quick ? 2 : 5);
  const binary = existsSync(binaryPath)
    ? await measureStartup(binarySpec(dbs.large), quick ? 2 : 5)
    : null;
  const fileMb = (f: string) => statSync(f).size / MB;
  const addon =
    spawnSync("sh", ["-c", "ls dist/libsql-*.node 2>/dev/null"], { encoding: "utf8" }).stdout.trim()
      .split("\n")[0];
  const bundleMb = fileMb("dist/oilfield-mcp.mjs") + (addon ? fileMb(addon) : 0);
  rows.push(
    {
      workload: `start-up to first healthy /health, existing ${sizes.large / 1e6}M db (bundle)`,
      measured: `${fmt(startLarge.startMs)} ms (${sizes.small / 1e3}k db: ${
        fmt(startSmall.startMs)
      } ms; bare \`node -e ""\` boot: ${fmt(nodeBoot)} ms)`,
      target: "< 300 ms",
      met: startLarge.startMs < 300,
    },
    {
      workload: "idle RSS after start (bundle)",
      measured: `${fmt(startLarge.idleRssMb)} MB (${sizes.small / 1e3}k db: ${
        fmt(startSmall.idleRssMb)
      } MB)`,
      target: "< 100 MB",
      met: startLarge.idleRssMb < 100,
    },
    {
      workload: "single binary dist/oilfield-mcp: size, start-up, idle RSS",
      measured: binary
        ? `${fmt(fileMb(binaryPath), 1)} MB, ${fmt(binary.startMs)} ms, ${fmt(binary.idleRssMb)} MB`
        : "not built (npm run build:bin)",
      target: "start < 300 ms, idle < 100 MB",
      met: binary ? binary.startMs < 300 && binary.idleRssMb < 100 : null,
    },
    {
      workload: "bundle size (mjs + libSQL addon)",
      measured: `${fmt(bundleMb, 1)} MB`,
      target: "—",
      met: null,
    },
  );
  raw.startup = { small: startSmall, large: startLarge, binary, bareNodeBootMs: nodeBoot };
}

if (runs("import")) {
  say("import: parsing and saving …");
  const imported = await measureImport(sizes.small);
  rows.push({
    workload: `import ${imported.lines / 1e3}k-line daily CSV (GB18030)`,
    measured: `parse ${fmt(imported.parseRowsPerSec)} rows/s; save (saveRecords into an empty db) ${
      fmt(imported.writeRowsPerSec)
    } rows/s, ${imported.inserted} inserted`,
    target: "—",
    met: null,
  });
  raw.import = imported;
}

const machine = {
  cpu: cpus()[0]?.model ?? "unknown",
  cores: cpus().length,
  memoryGb: Math.round(totalmem() / 1e9),
  node: process.version,
  wrk: (spawnSync("wrk", ["--version"], { encoding: "utf8" }).stdout ?? "not installed").split(
    "\n",
  )[0].trim(),
  loadavgBefore: loadBefore.map((v) => Number(v.toFixed(2))),
  loadavgAfter: loadavg().map((v) => Number(v.toFixed(2))),
};
const table = markdownTable(rows);
const minutes = (performance.now() - benchStarted) / 60_000;
say(`\n${table}\n`);
say(
  `machine: ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGb} GB, Node ${machine.node}, ${machine.wrk}; load average ${
    machine.loadavgBefore.join(" ")
  } → ${machine.loadavgAfter.join(" ")}; ${minutes.toFixed(1)} min`,
);
mkdirSync("bench/results", { recursive: true });
const stamp = new Date().toISOString().replace(/[:.]/g, "-");
const out = join(
  "bench/results",
  `${quick ? "quick-" : ""}${onlyParts.length ? `only-${onlyParts.join("+")}-` : ""}${stamp}.json`,
);
writeFileSync(
  out,
  `${
    JSON.stringify(
      { date: new Date().toISOString(), quick, only: onlyParts, machine, minutes, rows, ...raw },
      null,
      2,
    )
  }\n`,
);
say(`results: ${out}`);
const missed = rows.filter((r) => r.met === false).length;
say(missed ? `${missed} target(s) missed` : "every target met");
