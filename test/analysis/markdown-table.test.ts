import { test } from "node:test";
import assert from "node:assert/strict";
import { markdownTable } from "../../lib/answers/markdown-table.ts";
import { roundNumbers, roundTo } from "../../lib/analysis/round.ts";

test("a Markdown table with numbers formatted, nulls as — and pipes kept out of cells", () => {
  assert.equal(
    markdownTable(["井号 Well", "钻速 ROP m/h"], [["W1", 12.345], ["a|b\nc", null]]),
    "| 井号 Well | 钻速 ROP m/h |\n| --- | --- |\n| W1 | 12.3 |\n| a/b c | — |",
  );
  assert.equal(markdownTable(["x"], [[2.125]], 2), "| x |\n| --- |\n| 2.13 |");
});

test("rounding keeps integers and nulls, rounds numbers half away from zero", () => {
  assert.equal(roundTo(1.005, 1), 1);
  assert.equal(roundTo(-0.001, 2), 0);
  assert.equal(roundTo(null), null);
  assert.equal(roundTo(Number.NaN), null);
  assert.deepEqual(roundNumbers({ rows: 7, rop: 12.3456, name: "A", none: null }), {
    rows: 7,
    rop: 12.35,
    name: "A",
    none: null,
  });
});
