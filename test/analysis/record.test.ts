import { test } from "node:test";
import assert from "node:assert/strict";
import { dayNumber, isoDate, num, text } from "../../lib/analysis/record.ts";
import { bilingual, fmt, noRowsHeadline, rows } from "../../lib/analysis/format.ts";

test("num reads numbers and numeric text, nothing else", () => {
  assert.equal(num(12.5), 12.5);
  assert.equal(num(" 12.5 "), 12.5);
  assert.equal(num(3n), 3);
  for (const v of [null, undefined, "", " ", "abc", NaN, Infinity, {}]) assert.equal(num(v), null);
});

test("text trims and treats blanks as missing", () => {
  assert.equal(text("  沙溪庙组 "), "沙溪庙组");
  assert.equal(text("   "), null);
  assert.equal(text(null), null);
  assert.equal(text(215.9), "215.9");
});

test("dayNumber reads strict YYYY-MM-DD and round-trips through isoDate", () => {
  assert.equal(dayNumber("1970-01-02"), 1);
  assert.equal(dayNumber("2021-03-01")! - dayNumber("2021-02-28")!, 1);
  assert.equal(dayNumber("2020-03-01")! - dayNumber("2020-02-28")!, 2); // leap year
  assert.equal(isoDate(dayNumber("2023-10-31")!), "2023-10-31");
  for (const v of ["2021-02-30", "2021/3/5", "20210305", "", null, 5]) {
    assert.equal(dayNumber(v), null);
  }
});

test("fmt rounds for headlines and bilingual puts Chinese first", () => {
  assert.equal(fmt(412.04), "412");
  assert.equal(fmt(11.24), "11.2");
  assert.equal(fmt(-0.01), "0");
  assert.equal(fmt(null), "—");
  assert.equal(fmt(2.345, 2), "2.35");
  assert.equal(bilingual("甲", "a"), "甲 / a");
  assert.equal(rows(1), "1 row");
  assert.equal(rows(12, "day"), "12 days");
  assert.match(
    noRowsHeadline("钻速分析", "ROP analysis"),
    /^没有匹配的记录（钻速分析） \/ no rows matched \(ROP analysis\)$/,
  );
});
