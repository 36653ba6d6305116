import { test } from "node:test";
import assert from "node:assert/strict";
import { resolveDates } from "../../lib/words/dates.ts";
import { DateInputError } from "../../lib/words/dates.ts";

const SH = "Asia/Shanghai";
// 2026-11-23 17:30 UTC is already Tuesday 2026-11-24 01:30 in Shanghai.
const SPLIT_DAY = new Date("2026-11-23T17:30:00Z");
// Shanghai: Sunday 2026-03-01 (UTC still 2026-02-28).
const MONTH_EDGE = new Date("2026-02-28T16:30:00Z");
// Shanghai: Thursday 2026-01-01 (UTC still 2025-12-31).
const YEAR_EDGE = new Date("2025-12-31T16:05:00Z");

function range(input: string, now: Date, timeZone = SH): [string, string] {
  const r = resolveDates(input, { now, timeZone });
  assert.equal(r.kind, "range", `${input} should be a range`);
  return r.kind === "range" ? [r.from, r.to] : ["", ""];
}

const RELATIVE: [string, Date, string, string][] = [
  ["今天", SPLIT_DAY, "2026-11-24", "2026-11-24"],
  ["today", SPLIT_DAY, "2026-11-24", "2026-11-24"],
  ["昨天", SPLIT_DAY, "2026-11-23", "2026-11-23"],
  ["Yesterday", SPLIT_DAY, "2026-11-23", "2026-11-23"],
  ["前天", SPLIT_DAY, "2026-11-22", "2026-11-22"],
  ["day before yesterday", SPLIT_DAY, "2026-11-22", "2026-11-22"],
  ["本周", SPLIT_DAY, "2026-11-23", "2026-11-24"],
  ["this week", SPLIT_DAY, "2026-11-23", "2026-11-24"],
  ["上周", SPLIT_DAY, "2026-11-16", "2026-11-22"],
  ["last week", SPLIT_DAY, "2026-11-16", "2026-11-22"],
  ["本月", SPLIT_DAY, "2026-11-01", "2026-11-24"],
  ["上月", SPLIT_DAY, "2026-10-01", "2026-10-31"],
  ["上个月", SPLIT_DAY, "2026-10-01", "2026-10-31"],
  ["今年", SPLIT_DAY, "2026-01-01", "2026-11-24"],
  ["去年", SPLIT_DAY, "2025-01-01", "2025-12-31"],
  ["最近7天", SPLIT_DAY, "2026-11-18", "2026-11-24"],
  ["近7天", SPLIT_DAY, "2026-11-18", "2026-11-24"],
  ["最近 7 天", SPLIT_DAY, "2026-11-18", "2026-11-24"],
  ["最近７天", SPLIT_DAY, "2026-11-18", "2026-11-24"],
  ["最近七天", SPLIT_DAY, "2026-11-18", "2026-11-24"],
  ["last 7 days", SPLIT_DAY, "2026-11-18", "2026-11-24"],
  ["past 3 days", SPLIT_DAY, "2026-11-22", "2026-11-24"],
  ["最近1天", SPLIT_DAY, "2026-11-24", "2026-11-24"],
  ["最近一周", SPLIT_DAY, "2026-11-18", "2026-11-24"],
  ["最近一个月", SPLIT_DAY, "2026-10-25", "2026-11-24"],
  ["最近 30 天", SPLIT_DAY, "2026-10-26", "2026-11-24"],
  // month boundary: Shanghai Sunday 2026-03-01
  ["昨天", MONTH_EDGE, "2026-02-28", "2026-02-28"],
  ["本周", MONTH_EDGE, "2026-02-23", "2026-03-01"],
  ["上周", MONTH_EDGE, "2026-02-16", "2026-02-22"],
  ["本月", MONTH_EDGE, "2026-03-01", "2026-03-01"],
  ["上月", MONTH_EDGE, "2026-02-01", "2026-02-28"],
  ["最近7天", MONTH_EDGE, "2026-02-23", "2026-03-01"],
  ["最近一个月", MONTH_EDGE, "2026-02-02", "2026-03-01"],
  // year boundary: Shanghai Thursday 2026-01-01
  ["昨天", YEAR_EDGE, "2025-12-31", "2025-12-31"],
  ["前天", YEAR_EDGE, "2025-12-30", "2025-12-30"],
  ["本周", YEAR_EDGE, "2025-12-29", "2026-01-01"],
  ["上周", YEAR_EDGE, "2025-12-22", "2025-12-28"],
  ["上月", YEAR_EDGE, "2025-12-01", "2025-12-31"],
  ["今年", YEAR_EDGE, "2026-01-01", "2026-01-01"],
  ["去年", YEAR_EDGE, "2025-01-01", "2025-12-31"],
];

test("relative words resolve on the Shanghai calendar", () => {
  for (const [input, now, from, to] of RELATIVE) {
    assert.deepEqual(range(input, now), [from, to], `${input} at ${now.toISOString()}`);
  }
});

test("the same instant reads differently in UTC", () => {
  assert.deepEqual(range("今天", SPLIT_DAY, "UTC"), ["2026-11-23", "2026-11-23"]);
  assert.deepEqual(range("昨天", SPLIT_DAY, "UTC"), ["2026-11-22", "2026-11-22"]);
  assert.deepEqual(range("本周", SPLIT_DAY, "UTC"), ["2026-11-23", "2026-11-23"]);
  assert.deepEqual(range("上月", MONTH_EDGE, "UTC"), ["2026-01-01", "2026-01-31"]);
  assert.deepEqual(range("今年", YEAR_EDGE, "UTC"), ["2025-01-01", "2025-12-31"]);
});

const ABSOLUTE: [string, string, string][] = [
  ["2021-03-05", "2021-03-05", "2021-03-05"],
  ["2021/3/5", "2021-03-05", "2021-03-05"],
  ["2021.3.5", "2021-03-05", "2021-03-05"],
  ["20210305", "2021-03-05", "2021-03-05"],
  ["2021年3月5日", "2021-03-05", "2021-03-05"],
  ["２０２１年３月５日", "2021-03-05", "2021-03-05"],
  ["  2021-03-05 ", "2021-03-05", "2021-03-05"],
  ["2024-02-29", "2024-02-29", "2024-02-29"],
  ["2021-03", "2021-03-01", "2021-03-31"],
  ["2021年3月", "2021-03-01", "2021-03-31"],
  ["2024-02", "2024-02-01", "2024-02-29"],
  ["2021", "2021-01-01", "2021-12-31"],
  ["2021-03-01~2021-03-05", "2021-03-01", "2021-03-05"],
  ["2021-03-01 ～ 2021-03-05", "2021-03-01", "2021-03-05"],
  ["2021-03-01至2021-03-05", "2021-03-01", "2021-03-05"],
  ["2021年3月1日到2021年3月5日", "2021-03-01", "2021-03-05"],
  ["2021-03-01 to 2021-03-05", "2021-03-01", "2021-03-05"],
  ["2021.3.1..2021.3.5", "2021-03-01", "2021-03-05"],
  ["2021-03 ~ 2021-05", "2021-03-01", "2021-05-31"],
  ["2021-03-05~2021-03-05", "2021-03-05", "2021-03-05"],
  ["2026-11-01至今", "2026-11-01", "2026-11-24"],
  ["从2026-11-20到昨天", "2026-11-20", "2026-11-23"],
  ["上周~本周", "2026-11-16", "2026-11-24"],
];

test("dates, months and ranges as the field writes them", () => {
  for (const [input, from, to] of ABSOLUTE) {
    assert.deepEqual(range(input, SPLIT_DAY), [from, to], input);
  }
});

test("latest words", () => {
  for (const input of ["latest", "最新", "最近", "当前", "current", " ＬＡＴＥＳＴ "]) {
    assert.equal(resolveDates(input, { now: SPLIT_DAY, timeZone: SH }).kind, "latest", input);
  }
});

test("labels say what was used in both languages", () => {
  const label = (s: string) => resolveDates(s, { now: SPLIT_DAY, timeZone: SH }).label;
  assert.equal(label("昨天"), "昨天 yesterday = 2026-11-23");
  assert.equal(label("last 7 days"), "最近7天 last 7 days = 2026-11-18 ~ 2026-11-24");
  assert.equal(label("2021/3/5"), "日期 date = 2021-03-05");
  assert.equal(label("2021-03"), "月份 month = 2021-03-01 ~ 2021-03-31");
  assert.equal(label("2021-03-01~2021-03-05"), "日期范围 date range = 2021-03-01 ~ 2021-03-05");
  assert.match(label("最新"), /^最新 latest/);
});

const BAD: [string, RegExp][] = [
  ["2021-02-30", /日期不存在 "2021-02-30" \/ no such date "2021-02-30"/],
  ["2023-02-29", /no such date/],
  ["20211305", /no such date/],
  ["2021-13", /no such month/],
  [
    "2021-03-05~2021-03-01",
    /日期范围颠倒.*range is reversed.*start 2021-03-05 is after end 2021-03-01/,
  ],
  ["abc", /无法识别日期 "abc" \/ cannot read date "abc": 请用 use YYYY-MM-DD/],
  ["明天", /cannot read date "明天"/],
  ["", /日期为空/],
  ["2021-03-05~", /cannot read date/],
  ["1~2~3", /cannot read date/],
  ["最近0天", /at least 1/],
  ["2021-3/5", /cannot read date/],
];

test("bad input throws DateInputError with the value and what is accepted", () => {
  for (const [input, message] of BAD) {
    assert.throws(
      () => resolveDates(input, { now: SPLIT_DAY, timeZone: SH }),
      (e: unknown) => {
        assert.ok(e instanceof DateInputError, `${input}: ${String(e)}`);
        assert.equal(e.input, input);
        assert.equal(e.name, "DateInputError");
        assert.match(e.message, message);
        assert.match(e.message, /本周 this week/);
        return true;
      },
      input,
    );
  }
});
