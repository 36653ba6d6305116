// Times each analysis tool over the whole table of a large generated field (demo generator, many wells).
// Usage: node bench/analyses.ts [wells]
import { seedDemoData } from "../lib/seed/index.ts";
import { TOOLS } from "../lib/tools/index.ts";
import { createLogger } from "../lib/observability/log.ts";
import { openTempDb } from "../test/helpers/temp-db.ts";

const wells = Number(process.argv[2] ?? 3000);
const { db, close } = await openTempDb();
try {
  const rows = await seedDemoData(db, { wells, endDate: "2400-01-01" }); // later wells spud 14 days apart
  const ctx = {
    db,
    now: () => new Date(),
    log: createLogger({ level: "error", format: "json", write: () => {} }),
    user: { id: "bench", email: "bench@example.com", role: { raw: "USER", role: "USER" as const } },
  };
  console.log(`${wells} wells, ${rows} daily rows`);
  const calls: [string, Record<string, unknown>][] = [
    ["analyze_rop", {}],
    ["analyze_npt", {}],
    ["compare_wells", {}],
    ["compute_mse", {}],
    ["compute_mse", { per: "record" }],
    ["get_drilling_curve", { well_id: "W005" }],
  ];
  for (const [name, args] of calls) {
    const tool = TOOLS.find((t) => t.name === name)!;
    const started = performance.now();
    const answer = await tool.run(tool.input.parse(args), ctx as never);
    const ms = performance.now() - started;
    const bytes = JSON.stringify(answer.structured).length;
    console.log(
      `${name} ${JSON.stringify(args)}: ${ms.toFixed(0)} ms, structured ${
        (bytes / 1e3).toFixed(0)
      } kB, text ${(answer.text.length / 1e3).toFixed(1)} kB`,
    );
  }
  console.log(`rss ${Math.round(process.memoryUsage().rss / 1e6)} MB`);
} finally {
  await close();
}
