import type { DemoRow } from "./field-wells.ts";
import { routine, TROUBLE } from "./field-words.ts";
import { formationAt, SECTIONS } from "./geology.ts";
import type { Random } from "./random.ts";
import { dayFigures, round } from "./row-figures.ts";
import { addDaysToIsoDate } from "../words/civil-date.ts";

/**
 * Drilling daily rows of one well as the field's file has them: only its own columns
 * (depth, footage, bit, WOB, ROP, pump, mud, cumulative on-bottom hours, main work); RPM,
 * torque, formation and NPT are left empty, NPT being written in the main-work text only.
 */
export function drillFieldWell(
  wellId: string,
  spud: string,
  target: number,
  endDate: string,
  rnd: Random,
): DemoRow[] {
  const rows: DemoRow[] = [];
  let depth = 0;
  let cum = 0;
  let section = 0;
  let bit = SECTIONS[0].bits[0];
  for (let day = 0; depth < target; day++) {
    const date = addDaysToIsoDate(spud, day);
    if (date > endDate) break;
    const work: string[] = [];
    let drillH = 0;
    const before = depth;
    if (depth >= SECTIONS[section].to_m) {
      work.push(`下${section === 0 ? "表层" : "技术"}套管至${Math.round(depth)}m，固井，候凝`);
      section++;
      bit = SECTIONS[section].bits[0];
    } else {
      let available = 24 - rnd.between(4, 7);
      if (rnd.chance(0.12)) {
        const t = rnd.pick(TROUBLE);
        const h = Math.round(rnd.between(t.hours[0], t.hours[1]));
        work.push(t.text(h, Math.round(depth)));
        available -= h;
      }
      const extra = routine(rnd);
      if (extra) work.push(extra);
      drillH = Math.max(0, round(available * rnd.between(0.6, 0.85)));
      const f = formationAt(depth);
      depth = Math.min(target, depth + Math.max(0.8, rnd.between(f.rop[0], f.rop[1])) * drillH);
      cum += drillH;
      work.unshift(`钻进至${Math.round(depth)}m`);
    }
    const footage = round(depth - before);
    const size = SECTIONS[Math.min(section, SECTIONS.length - 1)].bit_diameter_mm;
    rows.push({
      well_id: wellId,
      report_date: date,
      spud_date: spud,
      depth_m: round(depth),
      footage_m: footage,
      bit_type: bit,
      bit_diameter_mm: size,
      ...dayFigures(rnd, depth, footage, drillH, size),
      on_bottom_hours_cum_h: round(cum),
      main_work: work.join("；"),
    });
  }
  return rows;
}
