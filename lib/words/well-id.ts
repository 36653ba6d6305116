/**
 * How `resolveWellId` asks storage for wells. A key is `normalizeWellId` of a stored well id
 * (a SQL implementation keeps it in an indexed column); every method returns stored well ids,
 * at most `limit` of them, in a stable order.
 */
export type WellLookup = {
  /** Wells whose key equals `key`. */
  byKey(key: string): Promise<string[]>;
  /** Wells whose key starts with `prefix`. */
  byKeyPrefix(prefix: string, limit: number): Promise<string[]>;
  /** Wells whose key contains `part`. */
  byKeyContains(part: string, limit: number): Promise<string[]>;
  /** Wells known by another name (alias) equal to `name`, which is passed normalized like a key. */
  byName(name: string, limit: number): Promise<string[]>;
};

/** What a typed well name was matched to; `ambiguous` and `none` never guess. */
export type WellMatch =
  | { kind: "exact" | "normalized" | "prefix" | "contains" | "name"; wellId: string; input: string }
  | { kind: "ambiguous"; input: string; candidates: string[] }
  | { kind: "none"; input: string };

/** The most candidates an ambiguous match lists. */
export const MAX_WELL_CANDIDATES = 10;

/**
 * The comparison key of a well id as people type it: full-width → half-width (NFKC), no
 * whitespace anywhere, Latin letters upper-case, a trailing 井 or 井号 dropped.
 * `" ｗ００１井 "` → `"W001"`, `"石南 201"` → `"石南201"`.
 */
export function normalizeWellId(s: string): string {
  return s.normalize("NFKC").replace(/\s+/g, "").toUpperCase().replace(/井号?$/, "");
}

/**
 * Finds the well a user means: the exact key (`exact` if typed exactly as stored, else
 * `normalized`), else the only well whose key starts with it, else the only one containing it
 * (`102` → `中102`), else the only one with that alias. Several wells at a step → `ambiguous`
 * with up to `MAX_WELL_CANDIDATES` ids; nothing → `none`.
 */
export async function resolveWellId(input: string, lookup: WellLookup): Promise<WellMatch> {
  const key = normalizeWellId(input);
  if (key === "") return { kind: "none", input };
  const exact = unique(await lookup.byKey(key));
  if (exact.length === 1) {
    return { kind: exact[0] === input ? "exact" : "normalized", wellId: exact[0], input };
  }
  if (exact.length > 1) {
    return { kind: "ambiguous", input, candidates: exact.slice(0, MAX_WELL_CANDIDATES) };
  }
  const steps = [
    ["prefix", () => lookup.byKeyPrefix(key, MAX_WELL_CANDIDATES)],
    ["contains", () => lookup.byKeyContains(key, MAX_WELL_CANDIDATES)],
    ["name", () => lookup.byName(key, MAX_WELL_CANDIDATES)],
  ] as const;
  for (const [kind, find] of steps) {
    const found = unique(await find()).slice(0, MAX_WELL_CANDIDATES);
    if (found.length === 1) return { kind, wellId: found[0], input };
    if (found.length > 1) return { kind: "ambiguous", input, candidates: found };
  }
  return { kind: "none", input };
}

function unique(ids: string[]): string[] {
  return [...new Set(ids)];
}

/** `找不到井号 "X" / no well "X": …` with what to try instead. */
export function wellNotFoundMessage(input: string): string {
  return `找不到井号 "${input}" / no well "${input}": 请检查井号, 也可只写其中一部分如 102 / ` +
    `check the well id; part of it such as 102 also works`;
}

/** `井号 "X" 对应多口井 / well "X" matches several wells: A, B …` asking to pick one. */
export function ambiguousWellMessage(input: string, candidates: string[]): string {
  const more = candidates.length >= MAX_WELL_CANDIDATES
    ? ` (至多列出${MAX_WELL_CANDIDATES}口 / at most ${MAX_WELL_CANDIDATES} listed)`
    : "";
  return `井号 "${input}" 对应多口井 / well "${input}" matches several wells: ` +
    `${candidates.join(", ")}${more}. 请写出完整井号 / give the full well id`;
}
