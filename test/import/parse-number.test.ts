import { test } from "node:test";
import assert from "node:assert/strict";
import { flagFromText, numberFromText } from "../../lib/import/parse-number.ts";

test("numbers with stray spaces, thousands separators and full-width digits", () => {
  assert.equal(numberFromText(" 1234.5 "), 1234.5);
  assert.equal(numberFromText("1,234.5"), 1234.5);
  assert.equal(numberFromText("1 234"), 1234);
  assert.equal(numberFromText("１２３４．５"), 1234.5);
  assert.equal(numberFromText("１，２３４"), 1234);
  assert.equal(numberFromText("-12.5"), -12.5);
  assert.equal(numberFromText("−3"), -3);
  assert.equal(numberFromText(".5"), 0.5);
  assert.equal(numberFromText("1e3"), 1000);
});

test("text that is not a plain number is refused", () => {
  for (const bad of ["12a", "1,5", "1,23,456", "3500m", "0x10", "Infinity", "", "-", "1.2.3"]) {
    assert.equal(numberFromText(bad), null, bad);
  }
});

test("yes/no words become 1/0", () => {
  for (const yes of ["是", "Y", "y", "YES", "true", "1", "Ｙ"]) {
    assert.equal(flagFromText(yes), 1, yes);
  }
  for (const no of ["否", "N", "no", "FALSE", "0", " 否 "]) assert.equal(flagFromText(no), 0, no);
  assert.equal(flagFromText("maybe"), null);
  assert.equal(flagFromText("2"), null);
});
