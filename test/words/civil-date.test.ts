import { test } from "node:test";
import assert from "node:assert/strict";
import {
  addDays,
  addDaysToIsoDate,
  addMonths,
  daysInMonth,
  formatCivilDate,
  isoWeekday,
  isValidCivilDate,
  todayIn,
} from "../../lib/words/civil-date.ts";

const d = (year: number, month: number, day: number) => ({ year, month, day });

test("calendar arithmetic", () => {
  assert.equal(formatCivilDate(addDays(d(2026, 3, 1), -1)), "2026-02-28");
  assert.equal(formatCivilDate(addDays(d(2024, 2, 28), 1)), "2024-02-29");
  assert.equal(formatCivilDate(addDays(d(2025, 12, 31), 1)), "2026-01-01");
  assert.equal(formatCivilDate(addMonths(d(2026, 3, 31), -1)), "2026-02-28");
  assert.equal(formatCivilDate(addMonths(d(2026, 1, 15), -1)), "2025-12-15");
  assert.equal(formatCivilDate(addMonths(d(2026, 11, 30), 14)), "2028-01-30");
  assert.equal(daysInMonth(2000, 2), 29);
  assert.equal(daysInMonth(1900, 2), 28);
  assert.equal(isValidCivilDate(2021, 2, 30), false);
  assert.equal(isValidCivilDate(21, 3, 5), false);
  assert.equal(isoWeekday(d(2026, 11, 23)), 1);
  assert.equal(isoWeekday(d(2026, 3, 1)), 7);
});

test("today depends on the zone, not the machine", () => {
  const now = new Date("2026-11-23T17:30:00Z");
  assert.deepEqual(todayIn(now, "Asia/Shanghai"), d(2026, 11, 24));
  assert.deepEqual(todayIn(now, "UTC"), d(2026, 11, 23));
  assert.deepEqual(todayIn(now, "America/Los_Angeles"), d(2026, 11, 23));
});

test("addDaysToIsoDate crosses months, leap days and years both ways", () => {
  assert.equal(addDaysToIsoDate("2024-02-28", 1), "2024-02-29");
  assert.equal(addDaysToIsoDate("2023-02-28", 1), "2023-03-01");
  assert.equal(addDaysToIsoDate("2021-12-31", 1), "2022-01-01");
  assert.equal(addDaysToIsoDate("2021-03-01", -1), "2021-02-28");
  assert.equal(addDaysToIsoDate("2021-03-05", 0), "2021-03-05");
  assert.equal(addDaysToIsoDate("2021-01-01", 365), "2022-01-01");
});
