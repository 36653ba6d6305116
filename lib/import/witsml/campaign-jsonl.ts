import type { ColumnValue } from "../../schema/column.ts";
import { readStamp, ReportFileError } from "./report-day.ts";
import type { ReportDay } from "./report-day.ts";
import { addDaysToIsoDate } from "../../words/civil-date.ts";

/** Most lines and characters per line a campaign file may hold (a campaign has a few thousand lines of ≈500 characters). */
export const CAMPAIGN_LIMITS = { maxLines: 200_000, maxLineChars: 64 * 1024 };

const HHMM = /^([01]\d|2[0-3]):([0-5]\d)$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

function str(v: unknown): string | null {
  return typeof v === "string" && v.trim() !== "" ? v.trim() : null;
}

interface Line {
  readonly no: number;
  readonly wellbore: string;
  readonly day: string;
  readonly start: string;
  readonly end: string;
  readonly hours: number;
  readonly depth: number | null;
  readonly code: string | null;
  readonly state: string | null;
  readonly remark: string | null;
}

function readLine(obj: Record<string, unknown>, no: number, file: string): Line {
  const bad = (field: string, zh: string, en: string): never => {
    throw new ReportFileError(file, `"${field}"`, no, zh, en);
  };
  const wellbore = str(obj.wellbore) ?? bad("wellbore", "缺少井筒名", "the wellbore is missing");
  // The period's end names the report day (the Volve files are named by it); report_date is the fallback.
  const endText = str(obj.period_end_date) ?? str(obj.period_end)?.slice(0, 10) ?? null;
  const startText = str(obj.period_start_date) ?? str(obj.period_start) ?? null;
  const day = endText ?? str(obj.report_date) ??
    bad("report_date", "缺少报告日期", "the report date is missing");
  if (!DATE.test(day) || !readStamp(`${day}T00:00`)) {
    bad("period_end_date", `不是日期 "${day}"`, `not a date "${day}"`);
  }
  const periodStart = startText
    ? readStamp(startText.length === 10 ? `${startText}T00:00` : startText.replace(" ", "T"))
    : readStamp(`${addDaysToIsoDate(day, -1)}T00:00`);
  if (!periodStart) {
    bad("period_start", `不是日期时间 "${startText}"`, `not a date-time "${startText}"`);
  }
  const st = str(obj.start_time) ?? "";
  const et = str(obj.end_time) ?? "";
  if (!HHMM.test(st)) bad("start_time", `不是 HH:MM "${st}"`, `not HH:MM "${st}"`);
  if (!HHMM.test(et)) bad("end_time", `不是 HH:MM "${et}"`, `not HH:MM "${et}"`);
  // A line before the period's own start time belongs to the period's second calendar day; an end at or before its start, to the next.
  let startDate = periodStart!.date;
  if (st < periodStart!.local.slice(11)) startDate = addDaysToIsoDate(startDate, 1);
  const s = readStamp(`${startDate}T${st}`)!;
  let e = readStamp(`${startDate}T${et}`)!;
  if (e.ms <= s.ms) e = readStamp(`${addDaysToIsoDate(startDate, 1)}T${et}`)!;
  const depthText = obj.end_depth_md === null || obj.end_depth_md === undefined
    ? null
    : String(obj.end_depth_md).trim();
  const depth = depthText === null || depthText === "" ? null : Number(depthText.replace(",", "."));
  if (depth !== null && !(Number.isFinite(depth) && depth >= 0)) {
    bad("end_depth_md", `不是深度 "${depthText}"`, `not a depth "${depthText}"`);
  }
  return {
    no,
    wellbore,
    day,
    start: s.local,
    end: e.local,
    hours: (e.ms - s.ms) / 3_600_000,
    depth,
    code: str(obj.activity_raw),
    state: str(obj.state),
    remark: str(obj.remark),
  };
}

/**
 * Reads a campaign's activity lines (one JSON object per line: wellbore, report_date, the
 * period's start and end, start_time, end_time, end_depth_md, activity_raw, state, remark, as
 * extracted from the Volve DDRs) into report days: each day's lines become its activities, and
 * its depth is the deepest end depth seen so far in the file (a hole does not get shallower),
 * its footage the growth of that depth over the previous day. Wall-clock times, no offset.
 */
export function readCampaignJsonl(text: string, file: string): ReportDay[] {
  const lines: Line[] = [];
  let no = 0;
  for (const raw of text.split("\n")) {
    no++;
    if (no > CAMPAIGN_LIMITS.maxLines) {
      throw new ReportFileError(
        file,
        "(file)",
        no,
        `超过 ${CAMPAIGN_LIMITS.maxLines} 行`,
        `more than ${CAMPAIGN_LIMITS.maxLines} lines`,
      );
    }
    const t = raw.trim();
    if (t === "") continue;
    if (t.length > CAMPAIGN_LIMITS.maxLineChars) {
      throw new ReportFileError(
        file,
        "(line)",
        no,
        `行过长（${t.length} 字符）`,
        `line too long (${t.length} characters)`,
      );
    }
    let obj: unknown;
    try {
      obj = JSON.parse(t);
    } catch {
      throw new ReportFileError(
        file,
        "(line)",
        no,
        "不是 JSON（文件被截断？）",
        "not JSON (truncated file?)",
      );
    }
    if (typeof obj !== "object" || obj === null || Array.isArray(obj)) {
      throw new ReportFileError(file, "(line)", no, "不是 JSON 对象", "not a JSON object");
    }
    lines.push(readLine(obj as Record<string, unknown>, no, file));
  }
  if (lines.length === 0) {
    throw new ReportFileError(file, "(file)", null, "没有作业行", "holds no activity lines");
  }
  const days = new Map<string, Line[]>();
  for (const l of lines) {
    const key = JSON.stringify([l.wellbore, l.day]);
    const list = days.get(key);
    if (list) list.push(l);
    else days.set(key, [l]);
  }
  const deepest = new Map<string, number>();
  const out: ReportDay[] = [];
  const ordered = [...days.values()].sort((a, b) =>
    a[0].wellbore.localeCompare(b[0].wellbore) || a[0].day.localeCompare(b[0].day)
  );
  for (const list of ordered) {
    const { wellbore, day } = list[0];
    const before = deepest.get(wellbore) ?? null;
    const reached = Math.max(before ?? 0, ...list.map((l) => l.depth ?? 0));
    deepest.set(wellbore, reached);
    const footage = before === null ? null : Math.round((reached - before) * 1000) / 1000;
    const daily: Record<string, ColumnValue> = { report_date: day, depth_m: reached };
    if (footage !== null) daily.footage_m = footage;
    out.push({
      file,
      wellNames: [wellbore],
      newWellId: wellbore,
      wellName: wellbore,
      operator: null,
      report_date: day,
      daily,
      figures: [
        {
          field: "depth_m",
          value: reached,
          how: "作业行结束井深的累计最大值 deepest activity end depth so far (end_depth_md)",
          kind: "作业行最深结束井深 deepest activity end depth",
        },
        footage === null
          ? { field: "footage_m", value: null, how: "— (文件中的第一天 first day of the file)" }
          : {
            field: "footage_m",
            value: footage,
            how: "井深较前一天的增加 growth of that depth over the previous day",
            kind: "井深较前一天增加 depth growth over the previous day",
          },
      ],
      activities: list.map((l) => ({
        report_date: day,
        start_time: l.start,
        end_time: l.end,
        utc_offset: null,
        hours: l.hours,
        depth_m: l.depth,
        phase: null,
        activity_code: l.code,
        state: l.state,
        state_detail: null,
        comment: l.remark,
        source: file,
      })),
    });
  }
  return out;
}
