import { normalizeWellId } from "../../lib/words/well-id.ts";
import type { WellLookup } from "../../lib/words/well-id.ts";

/** A well for `createMemoryWellLookup`: its stored id and any other names (aliases) it has. */
export type MemoryWell = string | { id: string; names: readonly string[] };

/**
 * A `WellLookup` over a fixed list, for tests and small fixtures. Results come shortest
 * key first, then in code-point order, as a SQL `ORDER BY length(key), key` would give.
 */
export function createMemoryWellLookup(wells: readonly MemoryWell[]): WellLookup {
  const rows = wells
    .map((w) => typeof w === "string" ? { id: w, names: [] as readonly string[] } : w)
    .map((w) => ({ id: w.id, key: normalizeWellId(w.id), names: w.names.map(normalizeWellId) }))
    .sort((a, b) => a.key.length - b.key.length || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const pick = (test: (r: (typeof rows)[number]) => boolean, limit: number) =>
    Promise.resolve(rows.filter(test).slice(0, limit).map((r) => r.id));
  return {
    byKey: (key) => pick((r) => r.key === key, Infinity),
    byKeyPrefix: (prefix, limit) => pick((r) => r.key.startsWith(prefix), limit),
    byKeyContains: (part, limit) => pick((r) => r.key.includes(part), limit),
    byName: (name, limit) => pick((r) => r.names.includes(name), limit),
  };
}
