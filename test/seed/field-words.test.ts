import { test } from "node:test";
import assert from "node:assert/strict";
import { ROUTINE, TROUBLE } from "../../lib/seed/field-words.ts";
import { classifyMainWork } from "../../lib/words/main-work.ts";

test("the classifier reads the demo's trouble sentences as their NPT category, with the hours written", () => {
  for (const t of TROUBLE) {
    const text = `钻进至2350m；${t.text(6, 2350)}`;
    const c = classifyMainWork(text);
    assert.ok(
      c.npt.some((n) => n.category === t.category),
      `"${text}" → ${t.category}, got ${JSON.stringify(c.npt)}`,
    );
    assert.ok(c.npt.some((n) => n.hours === 6), `"${text}" gives 6 h`);
    assert.ok(c.operations.includes("drilling"));
  }
  for (const r of ROUTINE) assert.deepEqual(classifyMainWork(r).npt, [], `"${r}" has no NPT`);
});
