import { createRandom } from "./random.ts";
import type { Random } from "./random.ts";
import { dayFigures, round } from "./row-figures.ts";
import { formationAt, SECTIONS } from "./geology.ts";
import { generateFieldData } from "./field-data.ts";
import { addDaysToIsoDate } from "../words/civil-date.ts";

/** A generated well master row (column names as in lib/schema/wells.ts). */
export type DemoWell = Record<string, string | number | null>;
/** A generated drilling daily row (column names as in lib/schema/drilling-daily.ts). */
export type DemoDaily = Record<string, string | number | null>;

/** Options for {@link generateDemoData}. */
export interface DemoOptions {
  readonly seed?: number;
  /** Number of wells; the first twelve are the named demo wells. */
  readonly wells?: number;
  /** No report is dated after this day (YYYY-MM-DD). */
  readonly endDate?: string;
  /** Add the field-like part (Chinese-id wells, reports of wells missing from the master, key wells, milestones); default true. */
  readonly field?: boolean;
}

/** The whole demo data set, one array per table. */
export interface DemoData {
  wells: DemoWell[];
  daily: DemoDaily[];
  key_well_daily: Record<string, string | number | null>[];
  pre_drilling: Record<string, string | number | null>[];
}

const BLOCKS = [
  {
    block: "石南",
    code: "SN",
    field: "石南油田",
    project: "准噶尔盆地腹部勘探",
    ids: [201, 202, 203, 205, 206, 208],
  },
  { block: "莫北", code: "MB", field: "莫北油田", project: "莫北凸起滚动勘探", ids: [11, 12, 116] },
  { block: "玛湖", code: "MH", field: "玛湖油田", project: "玛湖凹陷斜坡勘探", ids: [18, 19, 21] },
];
const TYPES = ["直井", "定向井", "水平井"];

const NPT_EVENTS = [
  { category: "downhole", text: (h: number) => `处理卡钻${h}小时，泡油解卡`, hours: [4, 14] },
  {
    category: "downhole",
    text: (h: number) => `井漏，堵漏${h}小时，漏失钻井液${Math.round(h * 4)}方`,
    hours: [3, 10],
  },
  { category: "downhole", text: (h: number) => `溢流，关井压井${h}小时`, hours: [2, 6] },
  { category: "waiting", text: (h: number) => `等停待料${h}小时`, hours: [3, 12] },
  { category: "equipment", text: (h: number) => `修理泥浆泵${h}小时`, hours: [2, 8] },
  { category: "weather", text: (h: number) => `大风停工${h}小时`, hours: [4, 12] },
] as const;

function makeWell(index: number, rnd: Random): DemoWell {
  // The first twelve: W001–W004 石南 (offset wells), W005–W007 莫北, W008–W010 玛湖, W011–W012 石南.
  const b = index < 12
    ? BLOCKS[index < 4 || index >= 10 ? 0 : index < 7 ? 1 : 2]
    : BLOCKS[index % BLOCKS.length];
  const slot = index < 4 ? index : index < 7 ? index - 4 : index < 10 ? index - 7 : index - 6;
  const nameNo = index < 12 ? b.ids[slot] : 300 + index;
  const wellId = `W${String(index + 1).padStart(3, "0")}`;
  const spud = addDaysToIsoDate("2026-06-01", index * 14 + Math.floor(rnd.between(0, 5)));
  return {
    well_id: wellId,
    name: `${b.block}${nameNo}`,
    field: b.field,
    block: b.block,
    block_code: b.code,
    exploration_category: "预探",
    exploration_project: b.project,
    exploration_subproject: `${b.block}区块`,
    horizon: "侏罗系",
    well_type: TYPES[index % 3 === 2 ? 1 : 0],
    well_category: index % 4 === 0 ? "探井" : "评价井",
    is_key_well: index % 5 === 0 ? 1 : 0,
    design_date: addDaysToIsoDate(spud, -45),
    design_depth_m: Math.round(rnd.between(3000, 3900) / 10) * 10,
    design_x_m: Math.round(rnd.between(4940000, 4960000)),
    design_y_m: Math.round(rnd.between(15450000, 15470000)),
    target_formation: "三工河组",
    design_completion_horizon: "三工河组",
    drilling_purpose: "落实侏罗系含油气性",
    completion_principle: "钻穿三工河组20米完钻",
    ground_elevation_m: round(rnd.between(280, 460)),
    contract_area: `HT-${b.code}-0${1 + (index % 3)}`,
    operator: "张工",
    entered_by: "李工",
    remarks: null,
    spud_date: spud,
    status: "drilling",
  };
}

function drillWell(well: DemoWell, endDate: string, rnd: Random): DemoDaily[] {
  const rows: DemoDaily[] = [];
  const nptProbability = well.well_id === "W005" ? 0.38 : 0.08;
  const wellFactor = rnd.between(0.85, 1.15);
  const target = Number(well.design_depth_m);
  let depth = 0;
  let onBottomCum = 0;
  let section = 0;
  let bit = SECTIONS[0].bits[0];
  for (let day = 0; depth < target; day++) {
    const date = addDaysToIsoDate(String(well.spud_date), day);
    if (date > endDate) return rows;
    const s = SECTIONS[section];
    const f = formationAt(depth);
    const work: string[] = [];
    let nptH = 0;
    let category: string | null = null;
    let drillH = 0;
    if (depth >= s.to_m) {
      work.push(
        `下${s.bit_diameter_mm === 444.5 ? "表层" : "技术"}套管至${Math.round(depth)}m，固井，候凝`,
      );
      section++;
      bit = SECTIONS[section].bits[0];
    } else {
      // Connections, circulation and surveys take a share of every day.
      let available = 24 - rnd.between(4, 7);
      if (rnd.chance(nptProbability)) {
        const e = rnd.pick(NPT_EVENTS);
        nptH = Math.round(rnd.between(e.hours[0], e.hours[1]));
        category = e.category;
        work.push(e.text(nptH));
        available -= nptH;
      }
      if (rnd.chance(0.15)) {
        bit = rnd.pick(s.bits);
        work.push("起钻换钻头，下钻");
        available -= 3 + depth / 600;
      }
      drillH = Math.max(0, round(available * rnd.between(0.6, 0.85)));
      const rop = Math.max(0.8, rnd.between(f.rop[0], f.rop[1]) * wellFactor);
      const footage = Math.min(rop * drillH, target - depth);
      depth += footage;
      onBottomCum += drillH;
      work.unshift(`钻进至${Math.round(depth)}m`);
    }
    const size = SECTIONS[Math.min(section, SECTIONS.length - 1)].bit_diameter_mm;
    const footage = rows.length ? depth - Number(rows[rows.length - 1].depth_m) : depth;
    rows.push({
      well_id: well.well_id,
      report_date: date,
      spud_date: well.spud_date,
      depth_m: round(depth),
      footage_m: round(Math.max(0, footage)),
      bit_type: bit,
      bit_diameter_mm: size,
      ...dayFigures(rnd, depth, Math.max(0, footage), drillH, size),
      on_bottom_hours_cum_h: round(onBottomCum),
      main_work: work.join("；"),
      rpm: drillH ? Math.round(rnd.between(70, 130)) : null,
      torque_kn_m: drillH ? round(rnd.between(8, 22)) : null,
      formation: formationAt(depth).name,
      lithology: formationAt(depth).lithology,
      drilling_hours_h: drillH,
      npt_h: nptH,
      npt_category: category,
    });
  }
  well.status = "completed";
  return rows;
}

/**
 * Generates the deterministic demo field: wells over three blocks (W001–W012 by
 * default), each drilled day by day with ROP set by the formation (八道湾组 is
 * slow), casing points, bit trips and NPT (W005 is NPT-heavy); then (from its own random
 * stream, so W001–W012 never change) the field-like part of lib/seed/field-data.ts.
 * Same options, same data.
 */
export function generateDemoData(options: DemoOptions = {}): DemoData {
  const rnd = createRandom(options.seed ?? 20260504);
  const endDate = options.endDate ?? "2026-11-20";
  const wells: DemoWell[] = [];
  const daily: DemoDaily[] = [];
  for (let i = 0; i < (options.wells ?? 12); i++) {
    const well = makeWell(i, rnd);
    wells.push(well);
    for (const row of drillWell(well, endDate, rnd)) daily.push(row);
  }
  if (options.field === false) return { wells, daily, key_well_daily: [], pre_drilling: [] };
  const field = generateFieldData(
    createRandom(((options.seed ?? 20260504) ^ 0x5eed) >>> 0),
    endDate,
  );
  return {
    wells: [...wells, ...field.wells],
    daily: [...daily, ...field.daily],
    key_well_daily: field.key_well_daily,
    pre_drilling: field.pre_drilling,
  };
}
