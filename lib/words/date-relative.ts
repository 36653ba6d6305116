import { addDays, addMonths, isoWeekday } from "./civil-date.ts";
import type { CivilDate } from "./civil-date.ts";
import { NUMBER_CHARS, parseChineseNumber } from "./chinese-number.ts";
import type { DateSpan } from "./date-absolute.ts";
import { DateInputError } from "./date-error.ts";

type Period = {
  words: readonly string[];
  zh: string;
  en: string;
  span: (t: CivilDate) => [CivilDate, CivilDate];
};

const monthStart = (t: CivilDate): CivilDate => ({ ...t, day: 1 });
const weekStart = (t: CivilDate): CivilDate => addDays(t, 1 - isoWeekday(t));

// Periods that include today end today: the data for days still to come does not exist.
const PERIODS: readonly Period[] = [
  { words: ["今天", "今日", "today"], zh: "今天", en: "today", span: (t) => [t, t] },
  {
    words: ["昨天", "昨日", "yesterday"],
    zh: "昨天",
    en: "yesterday",
    span: (t) => [addDays(t, -1), addDays(t, -1)],
  },
  {
    words: ["前天", "前日", "daybeforeyesterday", "thedaybeforeyesterday"],
    zh: "前天",
    en: "day before yesterday",
    span: (t) => [addDays(t, -2), addDays(t, -2)],
  },
  {
    words: ["本周", "这周", "这一周", "本星期", "这个星期", "这星期", "本礼拜", "thisweek"],
    zh: "本周",
    en: "this week",
    span: (t) => [weekStart(t), t],
  },
  {
    words: [
      "上周",
      "上星期",
      "上个星期",
      "上礼拜",
      "上个礼拜",
      "上一周",
      "lastweek",
      "previousweek",
    ],
    zh: "上周",
    en: "last week (Monday–Sunday)",
    span: (t) => [addDays(weekStart(t), -7), addDays(weekStart(t), -1)],
  },
  {
    words: ["本月", "这个月", "这月", "当月", "thismonth"],
    zh: "本月",
    en: "this month",
    span: (t) => [monthStart(t), t],
  },
  {
    words: ["上月", "上个月", "上一个月", "lastmonth", "previousmonth"],
    zh: "上月",
    en: "last month",
    span: (t) => [addMonths(monthStart(t), -1), addDays(monthStart(t), -1)],
  },
  {
    words: ["今年", "本年", "本年度", "thisyear"],
    zh: "今年",
    en: "this year",
    span: (t) => [{ ...t, month: 1, day: 1 }, t],
  },
  {
    words: ["去年", "上年", "上一年", "lastyear", "previousyear"],
    zh: "去年",
    en: "last year",
    span: (t) => [{ year: t.year - 1, month: 1, day: 1 }, { year: t.year - 1, month: 12, day: 31 }],
  },
];

const UNIT_WORDS: Readonly<Record<string, "day" | "week" | "month" | "year">> = Object.freeze({
  天: "day",
  日: "day",
  周: "week",
  星期: "week",
  礼拜: "week",
  月: "month",
  年: "year",
  day: "day",
  week: "week",
  month: "month",
  year: "year",
});
const ZH_LAST_N = new RegExp(`^(?:最近|近|过去)([${NUMBER_CHARS}]+)个?(天|日|周|星期|礼拜|月|年)$`);
const EN_LAST_N = /^(?:last|past)(\d+)(day|week|month|year)s?$/;
const EN_PAST_ONE = /^past(day|week|month|year)$/;

/** Labels: 最近7天 last 7 days; 最近1周 last 7 days; 最近1个月 past month. */
function lastNWords(n: number, unit: string): { zh: string; en: string } {
  if (unit === "day") return { zh: `最近${n}天`, en: `last ${n} day${n === 1 ? "" : "s"}` };
  if (unit === "week") return { zh: `最近${n}周`, en: `last ${7 * n} days` };
  const zh = `最近${n}${unit === "month" ? "个月" : "年"}`;
  return { zh, en: n === 1 ? `past ${unit}` : `past ${n} ${unit}s` };
}

/** The first day of the `n` `unit`s that end today, inclusive. */
function lastNStart(today: CivilDate, n: number, unit: string): CivilDate {
  if (unit === "day") return addDays(today, 1 - n);
  if (unit === "week") return addDays(today, 1 - 7 * n);
  return addDays(addMonths(today, -(unit === "year" ? 12 * n : n)), 1);
}

/**
 * Reads a relative date word (`text` NFKC, lower-case, no spaces): 今天, 上周, 本月, 最近7天,
 * last 7 days, 最近一个月 … against `today`. Returns null if `text` is none of them.
 */
export function parseRelativeSpan(text: string, today: CivilDate, input: string): DateSpan | null {
  for (const period of PERIODS) {
    if (!period.words.includes(text)) continue;
    const [from, to] = period.span(today);
    return { from, to, zh: period.zh, en: period.en, absolute: false };
  }
  const zh = ZH_LAST_N.exec(text);
  const en = EN_LAST_N.exec(text) ?? EN_PAST_ONE.exec(text);
  if (!zh && !en) return null;
  const n = zh ? parseChineseNumber(zh[1]) : en && en.length === 3 ? Number(en[1]) : 1;
  const unit = UNIT_WORDS[zh ? zh[2] : en![en!.length - 1]];
  if (n === null || n < 1) {
    throw new DateInputError(
      input,
      "天数须为正整数",
      "the count must be a whole number of at least 1",
    );
  }
  return { from: lastNStart(today, n, unit), to: today, ...lastNWords(n, unit), absolute: false };
}
