/**
 * Words: reading what drilling engineers type: Chinese dates and date words (昨天, 上周, 本月),
 * Chinese numbers, well ids and their aliases, the hours and trouble words of a main-work text.
 *
 * @module
 */
import { formatCivilDate, todayIn } from "./civil-date.ts";
import type { CivilDate } from "./civil-date.ts";
import { parseAbsoluteSpan } from "./date-absolute.ts";
import type { DateSpan } from "./date-absolute.ts";
import { ACCEPTED_DATES, DateInputError } from "./date-error.ts";
import { parseRelativeSpan } from "./date-relative.ts";

export { DateInputError } from "./date-error.ts";

/**
 * What a date argument was read as: the latest report, or an inclusive range of
 * `YYYY-MM-DD` days. `label` says it in both languages, e.g. `昨天 yesterday = 2026-11-23`.
 */
export type DateSelection =
  | { kind: "latest"; label: string }
  | { kind: "range"; from: string; to: string; label: string };

/** The clock and the IANA zone (callers use `Asia/Shanghai`) that relative words are read in. */
export type DateOptions = { now: Date; timeZone: string };

const LATEST_WORDS: readonly string[] = [
  "latest",
  "newest",
  "current",
  "mostrecent",
  "最新",
  "最近",
  "当前",
  "目前",
  "最新一天",
  "最新日报",
];
const NOW_WORDS: readonly string[] = ["今", "现在", "目前", "now", "today", "今天", "今日"];
// `-` is not a separator: it is inside 2021-03-05. `to` needs spaces around it.
const RANGE_SEPARATOR = / ?(?:~|至|到|\.\.|—|–| to ) ?/;
const FROM_WORD = /^(?:从|自|由|from ?)/;

function unreadable(input: string): DateInputError {
  return new DateInputError(input, "无法识别日期", "cannot read date");
}

function readSide(side: string, today: CivilDate, input: string): DateSpan {
  const compact = side.replace(/ /g, "");
  const span = parseAbsoluteSpan(compact, input) ?? parseRelativeSpan(compact, today, input);
  if (!span) throw unreadable(input);
  // `!(>= 1000)`, not `< 1000`: 最近999999999天 runs past the range of Date and gives NaN.
  if (!(span.from.year >= 1000)) {
    throw new DateInputError(input, "日期太早", "date is too far back");
  }
  return span;
}

function rangeText(from: CivilDate, to: CivilDate): string {
  const a = formatCivilDate(from);
  const b = formatCivilDate(to);
  return a === b ? a : `${a} ~ ${b}`;
}

/**
 * Reads a date argument as people type it: `2021-03-05`, `2021/3/5`, `20210305`,
 * `2021年3月5日`, a month `2021-03`, a year `2021`, relative words (今天, 昨天, 前天, 本周, 上周,
 * 本月, 上月, 今年, 去年, 最近7天, last 7 days, 最近一个月 …, weeks Monday–Sunday, periods that
 * include today end today), `latest`/最新/最近/当前, or a range of any two of these joined by
 * `~`, `至`, `到`, ` to `, `..` (`2021-03-01至今`). Full-width characters and spaces are tolerated.
 * Relative words are read on the calendar of `opts.timeZone` at `opts.now`.
 * @throws DateInputError for unknown words, impossible dates (2021-02-30) and reversed ranges.
 */
export function resolveDates(input: string, opts: DateOptions): DateSelection {
  const text = input.normalize("NFKC").toLowerCase().replace(/\s+/g, " ").trim();
  if (text === "") throw new DateInputError(input, "日期为空", "date is empty");
  if (LATEST_WORDS.includes(text.replace(/ /g, ""))) {
    return { kind: "latest", label: "最新 latest = 最近一次日报 the most recent report" };
  }
  const today = todayIn(opts.now, opts.timeZone);
  const sides = text.split(RANGE_SEPARATOR);
  if (sides.length > 2 || sides.some((s) => s.trim() === "")) throw unreadable(input);
  if (sides.length === 1) {
    const span = readSide(text, today, input);
    return {
      kind: "range",
      from: formatCivilDate(span.from),
      to: formatCivilDate(span.to),
      label: `${span.zh} ${span.en} = ${rangeText(span.from, span.to)}`,
    };
  }
  const leftText = sides[0].replace(FROM_WORD, "");
  const left = readSide(leftText, today, input);
  const right = NOW_WORDS.includes(sides[1].replace(/ /g, ""))
    ? { from: today, to: today, zh: "今天", en: "today", absolute: false }
    : readSide(sides[1], today, input);
  const from = formatCivilDate(left.from);
  const to = formatCivilDate(right.to);
  if (from > to) {
    throw new DateInputError(
      input,
      "日期范围颠倒",
      "range is reversed",
      `开始 ${from} 晚于结束 ${to}, 请把较早的日期放在前面 / start ${from} is after end ${to}: put the earlier date first; ${ACCEPTED_DATES}`,
    );
  }
  const words = left.absolute && right.absolute
    ? "日期范围 date range"
    : `${left.absolute ? leftText : left.zh}至${right.absolute ? sides[1] : right.zh} ` +
      `${left.absolute ? leftText : left.en} to ${right.absolute ? sides[1] : right.en}`;
  return { kind: "range", from, to, label: `${words} = ${rangeText(left.from, right.to)}` };
}
