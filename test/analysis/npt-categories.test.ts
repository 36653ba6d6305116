import { test } from "node:test";
import assert from "node:assert/strict";
import { NPT_CATEGORIES, nptCategory, nptCategoryInfo } from "../../lib/analysis/npt-categories.ts";
import { NPT_CATEGORIES as LABELS } from "../../lib/words/main-work-categories.ts";

test("keys, labels in both languages and trouble words map to a category", () => {
  const cases = {
    downhole: ["downhole", "井下复杂", "Lost Circulation", "起钻遇卡，卡钻", "溢流压井"],
    waiting: [" 等停 "],
    equipment: ["设备故障", "修理泥浆泵", "equipment failure"],
    weather: ["大风停工"],
    other: ["其他"],
  };
  for (const [category, texts] of Object.entries(cases)) {
    for (const text of texts) assert.equal(nptCategory(text), category, text);
  }
});

test("unknown, empty and non-text cells are other", () => {
  for (const v of ["开会", "", null, 3]) assert.equal(nptCategory(v), "other");
  assert.deepEqual([nptCategoryInfo("waiting").zh, nptCategoryInfo("waiting").en], [
    "等停",
    "waiting",
  ]);
});

test("the labels are those of lib/words/main-work-categories.ts, the one source, for every category", () => {
  assert.deepEqual(NPT_CATEGORIES.map((c) => c.key).sort(), LABELS.map((c) => c.id).sort());
  for (const c of NPT_CATEGORIES) {
    const label = LABELS.find((l) => l.id === c.key)!;
    assert.deepEqual([c.zh, c.en], [label.zh, label.en]);
    assert.equal(nptCategory(c.zh), c.key);
    assert.equal(nptCategory(c.en.toUpperCase()), c.key);
  }
});
