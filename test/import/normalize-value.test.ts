import { test } from "node:test";
import assert from "node:assert/strict";
import { normalizeValue } from "../../lib/import/normalize-value.ts";
import { WELLS } from "../../lib/schema/wells.ts";
import { DRILLING_DAILY } from "../../lib/schema/drilling-daily.ts";
import { columnOf } from "../../lib/schema/zod.ts";

const depth = columnOf(DRILLING_DAILY, "depth_m");
const date = columnOf(DRILLING_DAILY, "report_date");
const well = columnOf(DRILLING_DAILY, "well_id");
const work = columnOf(DRILLING_DAILY, "main_work");
const keyWell = columnOf(WELLS, "is_key_well");

test("empty cells are null whatever the type", () => {
  for (const column of [depth, date, well, keyWell]) {
    assert.deepEqual(normalizeValue(null, column), { ok: true, value: null });
    assert.deepEqual(normalizeValue(" \u3000 ", column), { ok: true, value: null });
  }
});

test("each type is normalized", () => {
  assert.deepEqual(normalizeValue(" 1,234.5 ", depth), { ok: true, value: 1234.5 });
  assert.deepEqual(normalizeValue(88, depth), { ok: true, value: 88 });
  assert.deepEqual(normalizeValue(new Date(Date.UTC(2021, 2, 5)), date), {
    ok: true,
    value: "2021-03-05",
  });
  assert.deepEqual(normalizeValue("是", keyWell), { ok: true, value: 1 });
  assert.deepEqual(normalizeValue(false, keyWell), { ok: true, value: 0 });
  assert.deepEqual(normalizeValue("1.0", keyWell), { ok: true, value: 1 });
  assert.deepEqual(normalizeValue("  卡钻，处理  ", work), { ok: true, value: "卡钻，处理" });
  assert.deepEqual(normalizeValue(102, well, true), { ok: true, value: "102" });
  assert.deepEqual(normalizeValue(" 中 １０２ ", well, true), { ok: true, value: "中102" });
  assert.deepEqual(normalizeValue(" 中 １０２ ", well, false), { ok: true, value: "中 １０２" });
});

test("bad values are refused with a bilingual reason", () => {
  assert.deepEqual(normalizeValue("12a", depth), {
    ok: false,
    reason: '不是数字 "12a" / not a number "12a": write digits such as 1234.5, without units',
  });
  assert.deepEqual(normalizeValue(true, depth), {
    ok: false,
    reason: '不是数字 "true" / not a number "true": write digits such as 1234.5, without units',
  });
  assert.deepEqual(normalizeValue("2021-13-01", date), {
    ok: false,
    reason:
      '无法识别日期 "2021-13-01" / cannot read date "2021-13-01": use YYYY-MM-DD, YYYY/M/D, YYYYMMDD or an Excel date cell',
  });
  assert.deepEqual(normalizeValue("1.5", keyWell), {
    ok: false,
    reason:
      '不是整数或是/否 "1.5" / not a whole number or yes/no "1.5": write a whole number, or 是/否, Y/N, 1/0',
  });
  assert.deepEqual(normalizeValue({ error: "#N/A" }, work), {
    ok: false,
    reason:
      '单元格为错误值 "#N/A" / the cell holds the error "#N/A": fix the formula or clear the cell',
  });
});
