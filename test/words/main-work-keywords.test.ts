import { test } from "node:test";
import assert from "node:assert/strict";
import { MAIN_WORK_KEYWORDS } from "../../lib/words/main-work-keywords.ts";
import { NPT_CATEGORIES, OPERATIONS } from "../../lib/words/main-work-categories.ts";

test("the keyword table is consistent", () => {
  const seen = new Map<string, string>();
  const operationIds = new Set(OPERATIONS.map((o) => o.id));
  const categoryIds = new Set(NPT_CATEGORIES.map((c) => c.id));
  for (const entry of MAIN_WORK_KEYWORDS) {
    assert.ok(entry.zh && entry.en && entry.keywords.length > 0, entry.id);
    if (entry.kind === "operation") assert.ok(operationIds.has(entry.id), entry.id);
    else assert.ok(categoryIds.has(entry.category), entry.id);
    for (const keyword of entry.keywords) {
      assert.equal(
        keyword,
        keyword.normalize("NFKC").toLowerCase(),
        `"${keyword}" must match normalized text`,
      );
      assert.equal(
        seen.get(keyword),
        undefined,
        `"${keyword}" is in ${seen.get(keyword)} and ${entry.id}`,
      );
      seen.set(keyword, entry.id);
    }
  }
  const npt = MAIN_WORK_KEYWORDS.filter((e) => e.kind === "npt");
  assert.equal(new Set(npt.map((e) => e.id)).size, npt.length, "NPT cause ids are unique");
});

test("every category and operation has both names", () => {
  assert.deepEqual(NPT_CATEGORIES.map((c) => c.id), [
    "equipment",
    "waiting",
    "downhole",
    "weather",
    "other",
  ]);
  for (const c of [...NPT_CATEGORIES, ...OPERATIONS]) {
    assert.ok(/\p{Script=Han}/u.test(c.zh) && /^[a-z]/.test(c.en), c.id);
  }
});
