import { daysInMonth, isValidCivilDate } from "./civil-date.ts";
import type { CivilDate } from "./civil-date.ts";
import { DateInputError } from "./date-error.ts";

/** A resolved stretch of days with words that say what it was read as. */
export type DateSpan = {
  from: CivilDate;
  to: CivilDate;
  zh: string;
  en: string;
  absolute: boolean;
};

const DAY_PATTERNS = [
  /^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})$/, // 2021-03-05, 2021/3/5, 2021.3.5
  /^(\d{4})()(\d{2})(\d{2})$/, // 20210305
  /^(\d{4})年()(\d{1,2})月(\d{1,2})[日号]?$/, // 2021年3月5日
];
const MONTH_PATTERNS = [/^(\d{4})[-/.](\d{1,2})$/, /^(\d{4})年(\d{1,2})月份?$/];
const YEAR_PATTERN = /^(\d{4})(?:年度?)?$/;

/**
 * Reads a date, month or year written out in digits (`text` already NFKC, lower-case, no
 * spaces). Returns null if `text` is not shaped like one; throws `DateInputError` if it is
 * shaped like one but does not exist (2021-02-30, 2021-13).
 */
export function parseAbsoluteSpan(text: string, input: string): DateSpan | null {
  for (const pattern of DAY_PATTERNS) {
    const m = pattern.exec(text);
    if (!m) continue;
    const day = { year: Number(m[1]), month: Number(m[3]), day: Number(m[4]) };
    if (!isValidCivilDate(day.year, day.month, day.day)) {
      throw new DateInputError(input, "日期不存在", "no such date");
    }
    return { from: day, to: day, zh: "日期", en: "date", absolute: true };
  }
  for (const pattern of MONTH_PATTERNS) {
    const m = pattern.exec(text);
    if (!m) continue;
    const year = Number(m[1]);
    const month = Number(m[2]);
    if (!isValidCivilDate(year, month, 1)) {
      throw new DateInputError(input, "月份不存在", "no such month");
    }
    const to = { year, month, day: daysInMonth(year, month) };
    return { from: { year, month, day: 1 }, to, zh: "月份", en: "month", absolute: true };
  }
  const y = YEAR_PATTERN.exec(text);
  if (y) {
    const year = Number(y[1]);
    if (!isValidCivilDate(year, 1, 1)) {
      throw new DateInputError(input, "年份不存在", "no such year");
    }
    return {
      from: { year, month: 1, day: 1 },
      to: { year, month: 12, day: 31 },
      zh: "年份",
      en: "year",
      absolute: true,
    };
  }
  return null;
}
