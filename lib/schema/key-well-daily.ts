import { defineTable } from "./column.ts";

/**
 * Key-well trial-production daily (重点井试采日报): one row per well, report date and
 * layer (层位 + 层序号), as in the field's own file. Codes with a `D.` prefix are theirs.
 */
export const KEY_WELL_DAILY = defineTable({
  name: "key_well_daily",
  zh: "重点井试采日报",
  en: "key-well trial-production daily",
  naturalKey: ["well_id", "report_date", "horizon", "layer_no"],
  columns: [
    { name: "well_id", code: "JH", zh: "井号", en: "well id", unit: null, type: "text" },
    { name: "block", code: "QK", zh: "区块", en: "block", unit: null, type: "text" },
    { name: "horizon", code: "CW", zh: "层位", en: "horizon (layer)", unit: null, type: "text" },
    { name: "layer_no", code: "CXH", zh: "层序号", en: "layer sequence number", unit: null, type: "text" },
    { name: "top_depth_m", code: "DJSD1", zh: "顶界深度", en: "top depth of the layer", unit: "m", type: "real" },
    { name: "bottom_depth_m", code: "DJSD2", zh: "底界深度", en: "bottom depth of the layer", unit: "m", type: "real" },
    { name: "report_date", code: "RQ", zh: "日期", en: "report date", unit: null, type: "date" },
    { name: "status", code: "ZT", zh: "状态", en: "status (e.g. 生产, 关井)", unit: null, type: "text" },
    { name: "production_method", code: "CYFS", zh: "采油方式", en: "production method", unit: null, type: "text" },
    { name: "choke_mm", code: "YZ", zh: "油嘴", en: "choke size", unit: "mm", type: "real" },
    { name: "working_hours_h", code: "GZSJ", zh: "工作时间", en: "hours on production that day", unit: "h", type: "real" },
    { name: "working_regime", code: "GZZD", zh: "工作制度", en: "working regime", unit: null, type: "text" },
    { name: "gas_rate_1e4m3_d", code: "RCQL", zh: "日产气量", en: "gas produced that day", unit: "10⁴ m³", type: "real" },
    { name: "water_cut_pct", code: "HS", zh: "含水", en: "water cut", unit: "%", type: "real" },
    { name: "tubing_pressure_max_mpa", code: "YYSX", zh: "油压上限", en: "tubing pressure, high", unit: "MPa", type: "real" },
    { name: "tubing_pressure_min_mpa", code: "YYXX", zh: "油压下限", en: "tubing pressure, low", unit: "MPa", type: "real" },
    { name: "casing_pressure_max_mpa", code: "TYSX", zh: "套压上限", en: "casing pressure, high", unit: "MPa", type: "real" },
    { name: "casing_pressure_min_mpa", code: "TYXX", zh: "套压下限", en: "casing pressure, low", unit: "MPa", type: "real" },
    { name: "back_pressure_max_mpa", code: "HYSX", zh: "回压上限", en: "back pressure, high", unit: "MPa", type: "real" },
    { name: "back_pressure_min_mpa", code: "HYXX", zh: "回压下限", en: "back pressure, low", unit: "MPa", type: "real" },
    { name: "flowing_pressure_mpa", code: "D.LY", zh: "流压", en: "flowing bottom-hole pressure", unit: "MPa", type: "real" },
    { name: "static_pressure_mpa", code: "D.JY", zh: "静压", en: "static bottom-hole pressure", unit: "MPa", type: "real" },
    { name: "remarks", code: "D.BZ", zh: "施工内容/备注", en: "work done, remarks", unit: null, type: "text" },
  ],
});
