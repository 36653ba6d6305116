import { test } from "node:test";
import assert from "node:assert/strict";
import { parseChineseNumber } from "../../lib/words/chinese-number.ts";

test("Chinese numerals and digits", () => {
  const cases: [string, number | null][] = [
    ["7", 7],
    ["30", 30],
    ["一", 1],
    ["两", 2],
    ["七", 7],
    ["十", 10],
    ["十五", 15],
    ["二十", 20],
    ["三十一", 31],
    ["一百零五", 105],
    ["两千", 2000],
    ["", null],
    ["七天", null],
    ["x", null],
  ];
  for (const [text, n] of cases) assert.equal(parseChineseNumber(text), n, text);
});
