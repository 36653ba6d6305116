import type { DemoDaily, DemoWell } from "../lib/seed/generate.ts";
import { generateDemoData } from "../lib/seed/generate.ts";

/** Options for {@link benchWells} and {@link benchDaily}. */
export interface BenchDataOptions {
  /** Drilling daily records to produce. */
  readonly records: number;
  /** Wells they are spread over (the master holds exactly these). */
  readonly wells?: number;
  readonly seed?: number;
}

const DAY_MS = 86_400_000;
const FIRST_DAY = Date.UTC(2014, 0, 1) / DAY_MS;
const CAMPAIGNS_PER_CALL = 50;

/** The well master of the bench field: W001…W{wells} from the demo generator. */
export function benchWells(options: BenchDataOptions): DemoWell[] {
  return generateDemoData({
    seed: options.seed ?? 1,
    wells: options.wells ?? 300,
    endDate: "2000-01-01",
    field: false,
  }).wells;
}

/**
 * Yields `records` drilling daily rows in batches: the demo generator's wells are
 * drilled as back-to-back campaigns of a few hundred wells (one row per well and day,
 * so the natural key stays unique), re-dated from 2014 on. Same options, same rows.
 */
export function* benchDaily(options: BenchDataOptions): Generator<DemoDaily[]> {
  const wellCount = options.wells ?? 300;
  const ids = Array.from({ length: wellCount }, (_, i) => `W${String(i + 1).padStart(3, "0")}`);
  // Staggered starts so the newest days are not all the same date.
  const nextDay = ids.map((_, i) => FIRST_DAY + (i % 90));
  const dates = new Map<number, string>();
  const dateOf = (day: number): string => {
    let s = dates.get(day);
    if (s === undefined) dates.set(day, s = new Date(day * DAY_MS).toISOString().slice(0, 10));
    return s;
  };
  let produced = 0;
  let campaign = 0;
  for (let call = 0; produced < options.records; call++) {
    const { daily } = generateDemoData({
      seed: (options.seed ?? 1) * 1_000_003 + call,
      wells: CAMPAIGNS_PER_CALL,
      endDate: "9999-12-31",
      field: false,
    });
    const batch: DemoDaily[] = [];
    let source = "";
    let target = 0;
    let start = 0;
    let day = 0;
    for (const row of daily) {
      if (produced >= options.records) break;
      if (row.well_id !== source) {
        if (source) nextDay[target] = start + day + 1;
        source = String(row.well_id);
        target = campaign++ % wellCount;
        start = nextDay[target];
        day = 0;
      } else day++;
      batch.push({
        ...row,
        well_id: ids[target],
        spud_date: dateOf(start),
        report_date: dateOf(start + day),
      });
      produced++;
    }
    if (source) nextDay[target] = start + day + 1;
    yield batch;
  }
}
