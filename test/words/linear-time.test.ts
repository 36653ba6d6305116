import { test } from "node:test";
import assert from "node:assert/strict";
import { findHours } from "../../lib/words/work-hours.ts";
import { classifyMainWork } from "../../lib/words/main-work.ts";
import { resolveDates } from "../../lib/words/dates.ts";
import { normalizeWellId } from "../../lib/words/well-id.ts";
import { parseChineseNumber } from "../../lib/words/chinese-number.ts";
import { assertLinear } from "../helpers/adversarial-text.ts";

// The longest texts the schemas let in: main_work 2000 (every text column: MAX_TEXT in
// lib/write/validate-record.ts; other daily text 200), date arguments 60, well ids 64.
const MAIN_WORK = [250, 2000];
const clock = { now: new Date("2026-11-24T04:00:00Z"), timeZone: "Asia/Shanghai" };

test('the issue\'s exploit: "1" + spaces + "x" reads in linear time, and real hours still read', () => {
  // 1 s at 400 spaces and 32 s at 1,000 before the fix; microseconds after. Growing the length
  // stops at the first slow one, so the unfixed parser fails here instead of hanging the run.
  for (const spaces of [100, 400, 1998]) {
    const start = performance.now();
    assert.deepEqual(findHours("1" + " ".repeat(spaces) + "x"), []);
    assert.deepEqual(
      classifyMainWork("修泵1" + " ".repeat(spaces - 3) + "x").npt.map((f) => f.hours),
      [null],
    );
    const ms = performance.now() - start;
    assert.ok(ms < 750, `"1" + ${spaces} spaces + "x" took ${ms.toFixed(0)} ms`);
  }
  assert.deepEqual(findHours("修泵 2 个 半 小时").map((m) => m.hours), [2.5]);
});

test("every main-work parser is linear at the field's maximum length", () => {
  assertLinear("findHours", findHours, MAIN_WORK);
  assertLinear("classifyMainWork", classifyMainWork, MAIN_WORK);
});

test("date words, well ids and numerals are linear too", () => {
  assertLinear("resolveDates", (t) => resolveDates(t, clock), [60, 2000]);
  assertLinear("normalizeWellId", normalizeWellId, [64, 2000]);
  assertLinear("parseChineseNumber", parseChineseNumber, [200, 2000]);
});

test("a negator still governs a short list of trouble, not one far away", () => {
  assert.deepEqual(classifyMainWork("无明显井漏、溢流、井涌现象").npt, []);
  const far = classifyMainWork(`无${"、".repeat(60)}井漏`).npt.map((f) => f.cause);
  assert.deepEqual(far, ["lost_circulation"]);
});
