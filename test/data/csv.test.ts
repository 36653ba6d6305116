import { test } from "node:test";
import assert from "node:assert/strict";
import { csvField, csvLine, spreadsheetSafe } from "../../lib/data/csv.ts";

test("text a spreadsheet would run as a formula gets a leading apostrophe (OWASP)", () => {
  for (
    const text of [
      "=1+1",
      "+cmd|' /C calc'!A0",
      "-2+3",
      "@SUM(A1:A9)",
      "\tx",
      "\rx",
      '=HYPERLINK("http://evil.example","点击")',
    ]
  ) {
    assert.equal(spreadsheetSafe(text), `'${text}`, JSON.stringify(text));
  }
  assert.equal(csvField('=HYPERLINK("http://x","y")'), `"'=HYPERLINK(""http://x"",""y"")"`);
  assert.equal(csvField("\t=1"), "'\t=1");
});

test("numbers, text that is just a number, and ordinary text stay as they are", () => {
  assert.equal(
    csvLine([-5, -0.25, 1e21, "-5", "+1.5e3", "钻进至2350m", "a-b", null, 0]),
    "-5,-0.25,1e+21,-5,+1.5e3,钻进至2350m,a-b,,0\r\n",
  );
  assert.equal(csvField(-12.5), "-12.5");
});
