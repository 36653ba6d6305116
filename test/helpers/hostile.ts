import { createRandom } from "../../lib/seed/random.ts";
import type { Random } from "../../lib/seed/random.ts";

/** SQL an attacker would try in a string field. */
export const SQL_STRINGS = [
  "'; DROP TABLE drilling_daily; --",
  "W001' OR '1'='1",
  "\" OR 1=1 --",
  "1; DELETE FROM wells",
  "') UNION SELECT * FROM audit_log --",
  "%' AND deleted_at IS NOT NULL --",
  "W001'); UPDATE drilling_daily SET depth_m = 0; --",
];

function deepValue(depth: number): unknown {
  let v: unknown = "bottom";
  for (let i = 0; i < depth; i++) v = i % 2 ? [v] : { a: v };
  return v;
}

/** A hostile value: wrong types, huge or negative numbers, SQL, NUL bytes, long or odd strings, deep nesting. */
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
    () => r.pick(["2026-02-30", "2026-13-01", "yesterday", "0000-00-00", "9999-12-31", "2026-07-01T00:00:00Z"]),
    () => r.pick(["W001", "W002", "w001", " W001 ", "ZZZ"]),
    () => Math.floor(r.between(-5, 100_000)),
  ];
  return r.pick(pool)();
}

/** Arguments for a tool with the given field names: some real fields, some unknown ones, hostile values. */
export function hostileArguments(r: Random, fields: readonly string[]): unknown {
  if (r.chance(0.05)) return r.pick([null, "x", 42, [], [1, 2], true]);
  const args: Record<string, unknown> = {};
  const count = Math.floor(r.between(0, 5));
  for (let i = 0; i < count; i++) {
    const key = r.chance(0.85) && fields.length ? r.pick(fields) : r.pick(["__proto__", "constructor", "extra", "id; DROP", "", "\u0000"]);
    args[key] = hostileValue(r);
  }
  return args;
}

/** A seeded generator (see lib/seed/random.ts). */
export const seeded = (seed: number): Random => createRandom(seed);
