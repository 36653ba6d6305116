import type { Executor } from "../db/db.ts";
import { noAccessError, scopeOf } from "../scope/data-scope.ts";
import { ToolError } from "../call/tool-error.ts";
import { ambiguousWellMessage, resolveWellId, wellNotFoundMessage } from "../words/well-id.ts";
import type { WellMatch } from "../words/well-id.ts";
import { namedWells } from "./named-wells.ts";
import type { WellsNamed } from "./named-wells.ts";
import { createSqlWellLookup } from "./well-lookup.ts";

/** How one typed well id was read: the stored id, or why not (with candidates), and whether the master has it. */
export interface WellResolution {
  readonly input: string;
  readonly well_id: string | null;
  /** exact, normalized, prefix, contains, name, ambiguous or none. */
  readonly match: WellMatch["kind"];
  readonly candidates: string[];
  /** Whether the well is in the well master (null when unresolved). */
  readonly in_master: boolean | null;
  /** Bilingual: `102井 → 中102 (包含匹配 contains)` or the ambiguity / not-found message. */
  readonly note: string;
}

const HOW: Record<string, string> = {
  exact: "",
  normalized: "规范化 normalized",
  prefix: "前缀匹配 unique prefix",
  contains: "包含匹配 unique part",
  name: "井名 well name",
};

/** {@link resolveWells} of the wells `args` name (see {@link namedWells}); none named: no query, an empty list. */
export async function resolveNamedWells(
  db: Executor,
  args: WellsNamed,
): Promise<WellResolution[]> {
  const typed = namedWells(args);
  return typed.length ? await resolveWells(db, typed) : [];
}

/**
 * Resolves each typed well id (`１０２井`, ` 石南201 `) against the master and every daily
 * table, in order, duplicates kept once. Never guesses: ambiguous or unknown ids come
 * back unresolved with their candidates. On a scoped executor only visible wells are
 * found, and a well that is not found is refused outright with the one no-access answer
 * (`无权访问井号 X 的数据`), the same for a forbidden and an unknown well.
 */
export async function resolveWells(
  db: Executor,
  inputs: readonly string[],
): Promise<WellResolution[]> {
  const lookup = createSqlWellLookup(db);
  const out: WellResolution[] = [];
  const scoped = scopeOf(db) !== null;
  const hidden: string[] = [];
  for (const input of [...new Set(inputs)]) {
    const m = await resolveWellId(input, lookup);
    if (m.kind === "ambiguous") {
      out.push({
        input,
        well_id: null,
        match: m.kind,
        candidates: m.candidates,
        in_master: null,
        note: ambiguousWellMessage(input, m.candidates),
      });
    } else if (m.kind === "none") {
      if (scoped) {
        hidden.push(input);
        continue;
      }
      out.push({
        input,
        well_id: null,
        match: m.kind,
        candidates: [],
        in_master: null,
        note: wellNotFoundMessage(input),
      });
    } else {
      const master = await db.execute(
        "SELECT 1 FROM wells WHERE well_id = ? AND deleted_at IS NULL",
        [m.wellId],
      );
      const inMaster = master.rows.length > 0;
      const how = HOW[m.kind] ? ` (${HOW[m.kind]})` : "";
      const flag = inMaster ? "" : " ⚠ 不在油井基础信息中 not in the well master";
      out.push({
        input,
        well_id: m.wellId,
        match: m.kind,
        candidates: [],
        in_master: inMaster,
        note: `${input} → ${m.wellId}${how}${flag}`,
      });
    }
  }
  if (hidden.length) throw noAccessError(hidden);
  return out;
}

/**
 * The stored ids of resolutions that must all succeed (filters over several wells): an
 * `invalid` ToolError listing every ambiguous id's candidates, or `not_found` for unknown ones.
 */
export function requireResolved(resolutions: readonly WellResolution[]): string[] {
  const bad = resolutions.filter((r) => r.well_id === null);
  if (bad.length) {
    throw new ToolError(
      bad.some((r) => r.match === "ambiguous") ? "invalid" : "not_found",
      bad.map((r) => r.note).join("\n"),
    );
  }
  return [...new Set(resolutions.map((r) => r.well_id as string))];
}
