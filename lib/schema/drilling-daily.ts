import { defineTable } from "./column.ts";

/**
 * Drilling daily report (钻井工程日报): one row per well and report date. The
 * field's files lack RPM, torque and NPT; those columns are filled where a
 * source has them (NPT can be read from the main-work text).
 */
export const DRILLING_DAILY = defineTable({
  name: "drilling_daily",
  zh: "钻井工程日报",
  en: "drilling daily report",
  naturalKey: ["well_id", "report_date"],
  columns: [
    { name: "well_id", code: "JH", zh: "井号", en: "well id", unit: null, type: "text" },
    { name: "report_date", code: "RQ", zh: "日期", en: "report date", unit: null, type: "date" },
    { name: "spud_date", code: "KZRQ", zh: "开钻日期", en: "spud date", unit: null, type: "date" },
    { name: "depth_m", code: "DRJS", zh: "当日井深", en: "measured depth at report time", unit: "m", type: "real" },
    { name: "footage_m", code: "ZJRJC", zh: "日进尺", en: "metres drilled that day", unit: "m", type: "real" },
    { name: "bit_type", code: "ZTLX", zh: "钻头类型", en: "bit type", unit: null, type: "text" },
    { name: "bit_diameter_mm", code: "ZTZJ", zh: "钻头直径", en: "bit diameter", unit: "mm", type: "real" },
    { name: "wob_kn", code: "ZY", zh: "钻压", en: "weight on bit (WOB)", unit: "kN", type: "real" },
    { name: "rop_m_h", code: "ZS", zh: "钻速", en: "rate of penetration (ROP)", unit: "m/h", type: "real" },
    { name: "pump_pressure_mpa", code: "BYA", zh: "泵压", en: "standpipe (pump) pressure", unit: "MPa", type: "real" },
    { name: "flow_rate_l_s", code: "BPL", zh: "排量", en: "flow rate", unit: "L/s", type: "real" },
    { name: "mud_density_g_cm3", code: "ZJYMD", zh: "钻井液密度", en: "mud density", unit: "g/cm³", type: "real" },
    { name: "mud_viscosity_s", code: "ZJYND", zh: "钻井液粘度", en: "mud funnel viscosity", unit: "s", type: "real" },
    { name: "on_bottom_hours_cum_h", code: "CZJLJSJ", zh: "纯钻进累计时间", en: "cumulative on-bottom hours", unit: "h", type: "real" },
    { name: "main_work", code: "BRZYGZ", zh: "本日主要工作", en: "the day's main work (operations, remarks)", unit: null, type: "text" },
    { name: "rpm", code: null, zh: "转速", en: "rotary speed", unit: "rpm", type: "real" },
    { name: "torque_kn_m", code: null, zh: "扭矩", en: "torque", unit: "kN·m", type: "real" },
    { name: "formation", code: null, zh: "地层", en: "formation", unit: null, type: "text" },
    { name: "lithology", code: null, zh: "岩性", en: "lithology", unit: null, type: "text" },
    { name: "drilling_hours_h", code: null, zh: "当日纯钻时间", en: "on-bottom hours that day", unit: "h", type: "real" },
    { name: "npt_h", code: null, zh: "非生产时间", en: "non-productive time (NPT)", unit: "h", type: "real" },
    { name: "npt_category", code: null, zh: "非生产时间类别", en: "NPT category", unit: null, type: "text" },
  ],
});
