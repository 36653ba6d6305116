import { defineTable } from "./column.ts";

/** Well plan (钻井设计进度): the planned days-versus-depth curve, one row per plan point. */
export const WELL_PLANS = defineTable({
  name: "well_plans",
  zh: "钻井计划进度",
  en: "well plan (planned days vs depth)",
  naturalKey: ["well_id", "day"],
  columns: [
    { name: "well_id", code: "JH", zh: "井号", en: "well id", unit: null, type: "text" },
    {
      name: "day",
      code: null,
      zh: "计划钻井天数",
      en: "planned days since spud",
      unit: "d",
      type: "real",
    },
    {
      name: "depth_m",
      code: null,
      zh: "计划井深",
      en: "planned measured depth",
      unit: "m",
      type: "real",
    },
    {
      name: "phase",
      code: null,
      zh: "计划阶段",
      en: "plan phase (section, operation)",
      unit: null,
      type: "text",
    },
  ],
});
