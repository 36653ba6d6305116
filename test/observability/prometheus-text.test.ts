import { test } from "node:test";
import assert from "node:assert/strict";
import {
  escapeHelp,
  escapeLabelValue,
  formatLabels,
  formatValue,
} from "../../lib/observability/prometheus-text.ts";

test("label values escape backslash, double quote and line feed, nothing else", () => {
  assert.equal(escapeLabelValue('a\\b"c\nd'), 'a\\\\b\\"c\\nd');
  assert.equal(escapeLabelValue("钻井 {x}\t"), "钻井 {x}\t");
});

test("HELP text escapes backslash and line feed but keeps quotes", () => {
  assert.equal(escapeHelp('say "hi"\\\nbye'), 'say "hi"\\\\\\nbye');
});

test("values print +Inf, -Inf, NaN and plain decimals", () => {
  assert.equal(formatValue(Infinity), "+Inf");
  assert.equal(formatValue(-Infinity), "-Inf");
  assert.equal(formatValue(Number.NaN), "NaN");
  assert.equal(formatValue(0.0025), "0.0025");
  assert.equal(formatValue(42), "42");
});

test('labels join as name="value" pairs, or nothing when there are none', () => {
  assert.equal(formatLabels([], []), "");
  assert.equal(formatLabels(["a", "b"], ["1", 'x"y']), '{a="1",b="x\\"y"}');
});
