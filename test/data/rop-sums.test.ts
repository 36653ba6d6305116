import { test } from "node:test";
import assert from "node:assert/strict";
import { ropMeans, sqlNumber } from "../../lib/data/rop-sums.ts";

test("ropMeans: Σ rop·f ÷ Σ f and Σ f ÷ Σ h, null without footage or hours", () => {
  assert.deepEqual(ropMeans({ top: 300, bottom: 40, timed_f: 40, timed_h: 8 }), {
    weighted: 7.5,
    timeBased: 5,
  });
  assert.deepEqual(ropMeans({ top: null, bottom: 0, timed_f: null, timed_h: null }), {
    weighted: null,
    timeBased: null,
  });
  assert.deepEqual(ropMeans({ top: 0, bottom: null, timed_f: 10, timed_h: 0 }), {
    weighted: null,
    timeBased: null,
  });
  assert.equal(sqlNumber(null), null);
  assert.equal(sqlNumber(12n), 12);
});
