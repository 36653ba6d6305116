import { drillFieldWell } from "./field-daily.ts";
import { makeFieldWells, ORPHAN_WELLS } from "./field-wells.ts";
import type { DemoRow } from "./field-wells.ts";
import { produceKeyWell } from "./key-well-daily.ts";
import { preDrillingOf } from "./pre-drilling.ts";
import type { Random } from "./random.ts";
import { addDaysToIsoDate } from "../words/civil-date.ts";

/** Wells that always drill, whatever the random stream: the examples people type (`102井`). */
const ALWAYS_DRILLED = ["中102", "石南301", "乐探1"];

/**
 * The field-like demo part: 228 Chinese-id wells in the master (so "all wells" is more than
 * 200), about thirty of them drilling with field-style reports (NPT only in the main-work
 * text), reports of four wells missing from the master, six key wells with trial-production
 * dailies, and pre-drilling milestones of a dozen or so planned wells.
 */
export function generateFieldData(rnd: Random, endDate: string): {
  wells: DemoRow[];
  daily: DemoRow[];
  key_well_daily: DemoRow[];
  pre_drilling: DemoRow[];
} {
  const wells = makeFieldWells(rnd);
  const daily: DemoRow[] = [];
  const drilled = wells.filter((w, i) => i % 9 === 4 || ALWAYS_DRILLED.includes(String(w.well_id)));
  drilled.forEach((w, i) => {
    const spud = addDaysToIsoDate("2026-06-01", i * 6 + Math.floor(rnd.between(0, 4)));
    const rows = drillFieldWell(String(w.well_id), spud, Number(w.design_depth_m), endDate, rnd);
    w.spud_date = spud;
    w.status = Number(rows.at(-1)?.depth_m) >= Number(w.design_depth_m) ? "completed" : "drilling";
    daily.push(...rows);
  });
  ORPHAN_WELLS.forEach((id, i) => {
    daily.push(
      ...drillFieldWell(
        id,
        addDaysToIsoDate("2026-09-20", i * 9),
        Math.round(rnd.between(3000, 4200)),
        endDate,
        rnd,
      ),
    );
  });
  const keyWells = wells.filter((w) => w.is_key_well === 1).slice(0, 6);
  for (const w of wells) {
    if (keyWells.length < 6 && w.status === "completed" && !keyWells.includes(w)) {
      (w.is_key_well = 1, keyWells.push(w));
    }
  }
  // Key wells that never reported drilling here were drilled before the demo's reports begin.
  for (const w of keyWells) if (w.status === "planned") w.status = "completed";
  const key_well_daily = keyWells.flatMap((w) => produceKeyWell(w, 45, endDate, rnd));
  const planned = wells.filter((w, i) => w.status === "planned" && i % 12 === 7).slice(0, 18);
  const pre_drilling = planned.map((w, i) =>
    preDrillingOf(w, addDaysToIsoDate("2026-03-01", i * 13), endDate, rnd)
  );
  return { wells, daily, key_well_daily, pre_drilling };
}
