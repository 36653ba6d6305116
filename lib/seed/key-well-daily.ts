import type { DemoRow } from "./field-wells.ts";
import type { Random } from "./random.ts";
import { round } from "./row-figures.ts";
import { addDaysToIsoDate } from "../words/civil-date.ts";

/**
 * Trial-production dailies of one key well: `days` days ending `endDate`, one row per
 * layer (层位 + 层序号) and day, every column of the field's file filled as they fill it
 * (flowing and static pressure only on test days, remarks only when something was done).
 */
export function produceKeyWell(
  well: DemoRow,
  days: number,
  endDate: string,
  rnd: Random,
): DemoRow[] {
  const rows: DemoRow[] = [];
  const layers = rnd.chance(0.5) ? 2 : 1;
  const top = Number(well.design_depth_m) - 160;
  for (let layer = 1; layer <= layers; layer++) {
    const choke = rnd.pick([3, 4, 5, 6]);
    let gas = rnd.between(0.8, 4.5);
    let water = rnd.between(2, 18);
    for (let d = days - 1; d >= 0; d--) {
      const date = addDaysToIsoDate(endDate, -d);
      const shutIn = rnd.chance(0.05);
      gas *= rnd.between(0.985, 1.01);
      water = Math.min(95, water + rnd.between(-0.3, 0.5));
      const tubing = rnd.between(8, 16);
      rows.push({
        well_id: well.well_id,
        block: well.block,
        horizon: String(well.horizon).split(" ")[0],
        layer_no: String(layer),
        top_depth_m: top + (layer - 1) * 60,
        bottom_depth_m: top + (layer - 1) * 60 + 18,
        report_date: date,
        status: shutIn ? "关井" : "生产",
        production_method: layer === 1 ? "自喷" : "抽油机",
        choke_mm: choke,
        working_hours_h: shutIn ? 0 : 24,
        working_regime: `${choke}mm油嘴${layer === 1 ? "自喷" : "抽汲"}`,
        gas_rate_1e4m3_d: shutIn ? 0 : round(gas, 3),
        water_cut_pct: round(water, 1),
        tubing_pressure_max_mpa: round(tubing + 0.4, 2),
        tubing_pressure_min_mpa: round(tubing - 0.3, 2),
        casing_pressure_max_mpa: round(tubing + 3.1, 2),
        casing_pressure_min_mpa: round(tubing + 2.5, 2),
        back_pressure_max_mpa: round(rnd.between(0.8, 1.2), 2),
        back_pressure_min_mpa: round(rnd.between(0.5, 0.8), 2),
        flowing_pressure_mpa: d % 10 === 0 ? round(rnd.between(18, 26), 2) : null,
        static_pressure_mpa: d % 30 === 0 ? round(rnd.between(30, 38), 2) : null,
        remarks: shutIn ? "关井测压力恢复" : d % 10 === 0 ? "测流压" : null,
      });
    }
  }
  return rows;
}
