import { test } from "node:test";
import assert from "node:assert/strict";
import { dateFromCell, dateFromNumber, dateFromText } from "../../lib/import/parse-date.ts";

test("text dates in the field's spellings become YYYY-MM-DD", () => {
  assert.equal(dateFromText("2021-03-05"), "2021-03-05");
  assert.equal(dateFromText("2021/3/5"), "2021-03-05");
  assert.equal(dateFromText("2021.3.5"), "2021-03-05");
  assert.equal(dateFromText("20210305"), "2021-03-05");
  assert.equal(dateFromText(" 2021年3月5日 "), "2021-03-05");
  assert.equal(dateFromText("２０２１－０３－０５"), "2021-03-05");
  assert.equal(dateFromText("2021/3/5 0:00"), "2021-03-05");
  assert.equal(dateFromText("2021-03-05T08:30:00"), "2021-03-05");
});

test("impossible or ambiguous text dates are refused", () => {
  assert.equal(dateFromText("2021-02-30"), null);
  assert.equal(dateFromText("2021-3/5"), null);
  assert.equal(dateFromText("03/05/2021"), null);
  assert.equal(dateFromText("20211305"), null);
  assert.equal(dateFromText("abc"), null);
  assert.equal(dateFromText("1899-12-31"), null);
});

test("numbers in a date column are Excel serials or typed YYYYMMDD", () => {
  assert.equal(dateFromNumber(44260), "2021-03-05");
  assert.equal(dateFromNumber(44260.75), "2021-03-05");
  assert.equal(dateFromNumber(61), "1900-03-01");
  assert.equal(dateFromNumber(20210305), "2021-03-05");
  assert.equal(dateFromNumber(60), null);
  assert.equal(dateFromNumber(20210230), null);
  assert.equal(dateFromNumber(Number.NaN), null);
});

test("Excel date cells keep their calendar day, also a hair before midnight", () => {
  assert.equal(dateFromCell(new Date(Date.UTC(2021, 2, 5))), "2021-03-05");
  assert.equal(dateFromCell(new Date(Date.UTC(2021, 2, 5, 23, 59, 59, 999))), "2021-03-06");
  assert.equal(dateFromCell(new Date(Date.UTC(2021, 2, 5, 18))), "2021-03-05");
  assert.equal(dateFromCell(new Date(Number.NaN)), null);
});
