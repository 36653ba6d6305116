import type { Random } from "./random.ts";

/** A generated row, column names as in lib/schema/. */
export type DemoRow = Record<string, string | number | null>;

/** The field's blocks as the demo master has them: id prefix, first number, how many wells. */
export const FIELD_BLOCKS = [
  {
    block: "石南",
    code: "SN",
    prefix: "石南",
    start: 301,
    count: 35,
    project: "准噶尔盆地腹部勘探",
    category: "预探",
  },
  {
    block: "莫北",
    code: "MB",
    prefix: "莫北",
    start: 21,
    count: 30,
    project: "西北缘滚动勘探",
    category: "评价",
  },
  {
    block: "玛湖",
    code: "MH",
    prefix: "玛湖",
    start: 601,
    count: 30,
    project: "玛湖凹陷斜坡勘探",
    category: "评价",
  },
  {
    block: "乐土驿",
    code: "LT",
    prefix: "乐探",
    start: 1,
    count: 8,
    project: "南缘风险勘探",
    category: "风险探井",
  },
  {
    block: "中拐",
    code: "ZG",
    prefix: "中",
    start: 101,
    count: 30,
    project: "西北缘滚动勘探",
    category: "开发",
  },
  {
    block: "车排子",
    code: "CPZ",
    prefix: "车排子",
    start: 501,
    count: 35,
    project: "西北缘滚动勘探",
    category: "开发",
  },
  {
    block: "陆梁",
    code: "LL",
    prefix: "陆",
    start: 201,
    count: 30,
    project: "准噶尔盆地腹部勘探",
    category: "开发",
  },
  {
    block: "滴南",
    code: "DN",
    prefix: "滴南",
    start: 11,
    count: 30,
    project: "准噶尔盆地腹部勘探",
    category: "预探",
  },
] as const;

const TYPES = ["直井", "直井", "定向井", "水平井"];
const HORIZONS = [
  "J1s 三工河组",
  "J1b 八道湾组",
  "T2k 克拉玛依组",
  "P2w 乌尔禾组",
  "K1tg 吐谷鲁群",
];

/**
 * The field's well master: Chinese well ids (`石南301`, `乐探1`, `中102` …) over eight blocks
 * and four exploration projects, no well name (their master has none), a few key wells.
 */
export function makeFieldWells(rnd: Random): DemoRow[] {
  const wells: DemoRow[] = [];
  for (const b of FIELD_BLOCKS) {
    for (let k = 0; k < b.count; k++) {
      const id = `${b.prefix}${b.start + k}`;
      const type = rnd.pick(TYPES);
      const horizon = rnd.pick(HORIZONS);
      const designDepth = Math.round(
        rnd.between(type === "水平井" ? 3800 : 2400, type === "水平井" ? 5600 : 4600) / 10,
      ) * 10;
      const designDate = `2026-${String(1 + Math.floor(rnd.between(0, 10))).padStart(2, "0")}-${
        String(1 + Math.floor(rnd.between(0, 28))).padStart(2, "0")
      }`;
      wells.push({
        well_id: id,
        name: null,
        field: null,
        block: b.block,
        block_code: b.code,
        exploration_category: b.category,
        exploration_project: b.project,
        exploration_subproject: `${b.block}${rnd.pick(["北", "南", "东", "西"])}区`,
        horizon,
        well_type: type,
        well_category: b.category === "开发" ? "开发井" : b.category === "评价" ? "评价井" : "探井",
        is_key_well: rnd.chance(0.06) ? 1 : 0,
        design_date: designDate,
        design_depth_m: designDepth,
        design_x_m: Math.round(rnd.between(4900000, 5000000)),
        design_y_m: Math.round(rnd.between(15400000, 15500000)),
        target_formation: horizon,
        design_completion_horizon: horizon,
        drilling_purpose: `落实${horizon.split(" ")[1]}含油气性`,
        completion_principle: `钻穿${horizon.split(" ")[1]}30米完钻`,
        ground_elevation_m: Math.round(rnd.between(260, 620) * 10) / 10,
        contract_area: `HT-${b.code}-${1 + Math.floor(rnd.between(0, 4))}`,
        operator: rnd.pick(["王工", "赵工", "陈工"]),
        entered_by: rnd.pick(["李工", "刘工"]),
        remarks: k === 0 ? "区块首口井" : null,
        spud_date: null,
        status: "planned",
      });
    }
  }
  return wells;
}

/** Wells that report but are missing from the master (70% of the field's daily rows are like that). */
export const ORPHAN_WELLS = ["玛页1", "风南7", "夏72", "金龙2"] as const;
