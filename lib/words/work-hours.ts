import { parseChineseNumber } from "./chinese-number.ts";

/**
 * A length of time written in a phrase: `start`/`end` are its position in the text.
 * `belongsTo` says where its activity usually is: a duration (`修泵4.5h`) follows the
 * activity, a clock range (`8:00-14:00修泵`) comes before it.
 */
export type HoursMention = {
  start: number;
  end: number;
  hours: number;
  belongsTo: "before" | "after";
};

// Every quantifier is bounded and a number may not start inside a longer one, so each start
// position costs a fixed amount of work: the scan is linear in the text. (Unbounded `\s*`
// next to each other made `"1" + 1000 spaces + "x"` take 32 s.)
const CN_DIGITS = "零一二两三四五六七八九十";
const NUM = `(?<!\\d)\\d{1,5}(?:\\.\\d{1,4})?|(?<![${CN_DIGITS}])[${CN_DIGITS}]{1,8}`;
const GAP = "\\s{0,3}";
const DURATION = new RegExp(
  `(${NUM})?${GAP}个?${GAP}(半)?${GAP}(?:小时|钟头|hours?|hrs?|h)(?![a-z])(?:${GAP}(\\d{1,3})${GAP}(?:分钟|分|min)(?![a-z]))?`,
  "g",
);
const MINUTES = /(?<!\d)(\d{1,5})\s{0,3}(?:分钟|mins?)(?![a-z])/g;
const CLOCK_RANGE = /(?<!\d)(\d{1,2}):(\d{2})\s{0,3}[-~—至到]\s{0,3}(\d{1,2}):(\d{2})/g;

function number(text: string): number | null {
  return /^\d/.test(text) ? Number(text) : parseChineseNumber(text);
}

/**
 * Finds durations (`6小时`, `4.5h`, `3个小时`, `一个半小时`, `半小时`, `1小时30分`, `40分钟`) and
 * clock ranges (`8:00-14:00`, across midnight too) in NFKC, lower-cased text, in text order.
 */
export function findHours(text: string): HoursMention[] {
  const found: HoursMention[] = [];
  const taken = (i: number) => found.some((m) => i >= m.start && i < m.end);
  for (const m of text.matchAll(CLOCK_RANGE)) {
    const from = Number(m[1]) * 60 + Number(m[2]);
    let minutes = Number(m[3]) * 60 + Number(m[4]) - from;
    if (minutes <= 0) minutes += 24 * 60; // 22:00-06:00 runs past midnight
    found.push({
      start: m.index,
      end: m.index + m[0].length,
      hours: minutes / 60,
      belongsTo: "after",
    });
  }
  for (const m of text.matchAll(DURATION)) {
    if (m[1] === undefined && m[2] === undefined) continue; // a bare "h", as in m/h
    const whole = m[1] === undefined ? 0 : number(m[1]);
    if (whole === null || taken(m.index)) continue;
    const hours = whole + (m[2] ? 0.5 : 0) + (m[3] ? Number(m[3]) / 60 : 0);
    found.push({ start: m.index, end: m.index + m[0].length, hours, belongsTo: "before" });
  }
  for (const m of text.matchAll(MINUTES)) {
    if (taken(m.index)) continue;
    found.push({
      start: m.index,
      end: m.index + m[0].length,
      hours: Number(m[1]) / 60,
      belongsTo: "before",
    });
  }
  return found.sort((a, b) => a.start - b.start);
}
