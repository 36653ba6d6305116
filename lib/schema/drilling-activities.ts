import type { Table } from "./column.ts";

/**
 * The day's activities under a drilling daily report (作业时效, WITSML drillReport `activity`):
 * one row per activity line, keyed by well, report day and start. Times are the report's
 * local wall clock (`YYYY-MM-DDTHH:MM`), its UTC offset kept beside them when the source
 * gives one; `activity_code` is the NPD code `main -- sub` (e.g. `interruption -- fish`).
 */
export const DRILLING_ACTIVITIES: Table = {
  name: "drilling_activities",
  zh: "作业时效明细",
  en: "drilling activities",
  naturalKey: ["well_id", "report_date", "start_time"],
  columns: [
    { name: "well_id", code: "JH", zh: "井号", en: "well id", unit: null, type: "text" },
    {
      name: "report_date",
      code: "RQ",
      zh: "日报日期",
      en: "report date (the day the report ends)",
      unit: null,
      type: "date",
    },
    {
      name: "start_time",
      code: null,
      zh: "开始时间",
      en: "start (local time)",
      unit: null,
      type: "text",
    },
    {
      name: "end_time",
      code: null,
      zh: "结束时间",
      en: "end (local time)",
      unit: null,
      type: "text",
    },
    {
      name: "utc_offset",
      code: null,
      zh: "时区",
      en: "UTC offset of the times",
      unit: null,
      type: "text",
    },
    { name: "hours", code: null, zh: "时长", en: "duration", unit: "h", type: "real" },
    {
      name: "depth_m",
      code: null,
      zh: "井深",
      en: "measured depth at the end",
      unit: "m",
      type: "real",
    },
    { name: "phase", code: null, zh: "阶段", en: "phase", unit: null, type: "text" },
    {
      name: "activity_code",
      code: null,
      zh: "作业代码",
      en: "activity code (NPD main -- sub)",
      unit: null,
      type: "text",
    },
    { name: "state", code: null, zh: "状态", en: "state (ok, fail)", unit: null, type: "text" },
    {
      name: "state_detail",
      code: null,
      zh: "状态说明",
      en: "state detail",
      unit: null,
      type: "text",
    },
    { name: "comment", code: null, zh: "说明", en: "comment", unit: null, type: "text" },
    { name: "source", code: null, zh: "来源", en: "source file", unit: null, type: "text" },
  ],
};
