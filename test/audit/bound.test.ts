import { test } from "node:test";
import assert from "node:assert/strict";
import { boundJson, safeJson } from "../../lib/audit/bound.ts";

test("small arguments are kept whole; large ones are cut at the byte bound with a marker", () => {
  assert.deepEqual(boundJson({ a: 1 }), { text: '{"a":1}', bytes: 7, truncated: false });
  const big = boundJson({ text: "井".repeat(5000) }, 4096);
  assert.equal(big.truncated, true);
  assert.equal(big.bytes, 15000 + 11);
  const [head, marker] = big.text.split("…[truncated, ");
  assert.ok(new TextEncoder().encode(head).byteLength <= 4096);
  assert.ok(
    new TextEncoder().encode(head).byteLength > 4090,
    "cut near the bound, never mid-character",
  );
  assert.ok(!head.includes("\uFFFD"));
  assert.equal(marker, "15011 bytes]");
});

test("values JSON cannot serialise give a marker instead of throwing", () => {
  let deep: unknown = 1;
  for (let i = 0; i < 100_000; i++) deep = [deep];
  // Node's JSON.stringify overflows the stack here, Deno's does not: either way no throw.
  const text = safeJson(deep);
  assert.ok(/unserialisable/.test(text) || text.startsWith("[[[["), text.slice(0, 50));
  const cyclic: Record<string, unknown> = {};
  cyclic.self = cyclic;
  assert.match(safeJson(cyclic), /unserialisable/);
  assert.equal(safeJson(undefined), "null");
});

test("cutting a long run of U+FFFD is linear (no backtracking trailing-run pattern)", () => {
  // The cut lands after the run, so a /\uFFFD+$/ would rescan the run from every start.
  for (const n of [10_000, 100_000, 1_000_000]) {
    const start = performance.now();
    const bounded = boundJson("\uFFFD".repeat(n) + "x".repeat(100), 3 * n + 50);
    assert.equal(bounded.truncated, true);
    assert.ok(bounded.text.includes("x…[truncated"));
    assert.ok(performance.now() - start < 5000, `${n} replacement characters took too long`);
  }
});
