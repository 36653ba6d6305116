import assert from "node:assert/strict";

// Pieces that make backtracking regexes blow up: runs of what one quantifier takes, next to what
// another takes (`\d+\s*…`, `\s*个?\s*`, `[(].*[)]$`), each run ended by something that fails.
const PREFIXES = ["", "1", "无", "(", "2021-1-1", "修泵"];
const PUMPS = [
  " ",
  "1",
  "一",
  "1.",
  "个",
  "半",
  " 个",
  "漏失",
  "、",
  "\n ",
  "(",
  "井",
  ",111",
  "\uFFFD",
  "1h",
  "1:00-",
  "无漏失",
  "区",
];
const SUFFIXES = ["x", "h", "小时", ")"];

/** Adversarial strings of exactly `length` characters (UTF-16 units, as the schemas count). */
export function adversarialTexts(length: number): string[] {
  const out: string[] = [];
  for (const prefix of PREFIXES) {
    for (const pump of PUMPS) {
      for (const suffix of SUFFIXES) {
        const room = Math.max(0, length - prefix.length - suffix.length);
        const body = pump.repeat(Math.ceil(room / pump.length)).slice(0, room);
        out.push(prefix + body + suffix);
      }
    }
  }
  return out;
}

/** A plain main-work text of `length` characters, the yardstick for "quickly enough". */
export function benignText(length: number): string {
  return "钻进至2350m，起钻换钻头，下钻。处理卡钻6小时，泡油解卡。".repeat(Math.ceil(length / 30))
    .slice(0, length);
}

function bestOf3(parse: (text: string) => unknown, text: string): number {
  let best = Infinity;
  for (let i = 0; i < 3; i++) {
    const start = performance.now();
    try {
      parse(text);
    } catch {
      // a refusal is an answer too; only the time counts here
    }
    best = Math.min(best, performance.now() - start);
  }
  return best;
}

/**
 * Asserts `parse` handles every adversarial text at each of `lengths` (ascending, the last the
 * field's maximum) about as fast as a benign text of the same length: best of 3 runs within
 * 250 ms + 50× the benign time. A linear parser needs microseconds to milliseconds here; a
 * backtracking one needs seconds at the first length already, so the check fails long before the
 * largest length could hang the run. Best-of-3 and the wide margin keep a loaded machine from
 * failing it.
 */
export function assertLinear(
  name: string,
  parse: (text: string) => unknown,
  lengths: readonly number[],
): void {
  for (const length of lengths) {
    const benign = bestOf3(parse, benignText(length));
    const budget = 250 + 50 * benign;
    for (const text of adversarialTexts(length)) {
      const start = performance.now();
      try {
        parse(text);
      } catch {
        // see bestOf3
      }
      if (performance.now() - start <= budget) continue; // the common case: one quick run
      const ms = bestOf3(parse, text);
      assert.ok(
        ms <= budget,
        `${name} took ${ms.toFixed(0)} ms on ${
          JSON.stringify(text.slice(0, 40))
        }… (${length} chars; ` +
          `benign ${benign.toFixed(2)} ms, budget ${budget.toFixed(0)} ms)`,
      );
    }
  }
}
