import { MILESTONES } from "../schema/pre-drilling.ts";
import type { DemoRow } from "./field-wells.ts";
import type { Random } from "./random.ts";
import { addDaysToIsoDate } from "../words/civil-date.ts";

/**
 * Pre-drilling milestones of a planned well: the sixteen dates in order from `start`,
 * a few days to weeks apart, those after `endDate` left empty (not reached yet).
 */
export function preDrillingOf(well: DemoRow, start: string, endDate: string, rnd: Random): DemoRow {
  const row: DemoRow = {
    exploration_project: well.exploration_project,
    implementation_year: Number(start.slice(0, 4)),
    well_id: well.well_id,
  };
  let date = start;
  for (const m of MILESTONES) {
    row[m.name] = date <= endDate ? date : null;
    date = addDaysToIsoDate(date, Math.round(rnd.between(2, 15)));
  }
  return row;
}
