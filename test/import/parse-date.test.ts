import { test } from "node:test";
import assert from "node:assert/strict";
import { dateFromCell, dateFromNumber, dateFromText } from "../../lib/import/parse-date.ts";

test("text dates in the field's spellings become YYYY-MM-DD", () => {
  const separators = ["2021-03-05", "2021/3/5", "2021.3.5", "20210305"];
  const typed = [" 2021年3月5日 ", "２０２１－０３－０５", "2021/3/5 0:00", "2021-03-05T08:30:00"];
  for (const text of [...separators, ...typed]) {
    assert.equal(dateFromText(text), "2021-03-05", text);
  }
});

test("impossible or ambiguous text dates are refused", () => {
  const refused = ["2021-02-30", "2021-3/5", "03/05/2021", "20211305", "abc", "1899-12-31"];
  for (const text of refused) assert.equal(dateFromText(text), null, text);
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
