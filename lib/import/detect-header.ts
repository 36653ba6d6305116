import { columnLabel } from "../schema/column.ts";
import type { Column, Table } from "../schema/column.ts";
import { columnFinder, headerText } from "./header-names.ts";

/** Where a file's header is and which table column each cell holds. */
export interface HeaderMatch {
  readonly table: Table;
  /** The column of each cell index (0-based); null for an ignored cell. */
  readonly columns: readonly (Column | null)[];
  /** 1-based file rows holding the header: `[1]`, `[2]` or `[1, 2]`. */
  readonly headerRows: readonly number[];
  /** 1-based file row of the first data row. */
  readonly dataStartRow: number;
  /** Header text of ignored non-empty cells, rows joined by a space, e.g. `DW 单位`. */
  readonly unknownColumns: readonly string[];
}

interface Candidate extends HeaderMatch {
  readonly score: number;
  readonly missingKey: readonly Column[];
  /** Too few cells name a column for these rows to be a header; kept only to explain a refusal. */
  readonly weak: boolean;
}

// A row is a header when at least half of its non-empty cells name a column.
function isHeader(texts: readonly string[], found: readonly (Column | null)[]): boolean {
  const filled = texts.filter((t) => t !== "").length;
  const matched = found.filter((c) => c !== null).length;
  return matched > 0 && matched * 2 >= filled;
}

function candidate(table: Table, texts: readonly (readonly string[])[]): Candidate | null {
  const find = columnFinder(table);
  const found = texts.map((row) => row.map(find));
  const strong = [0, 1].filter((r) => isHeader(texts[r], found[r]));
  const useRows = strong.length > 0 ? strong : [0, 1].filter((r) => found[r].some((c) => c));
  if (useRows.length === 0) return null;
  const width = Math.max(...useRows.map((r) => texts[r].length));
  const columns: (Column | null)[] = [];
  const unknownColumns: string[] = [];
  const seen = new Set<string>();
  for (let i = 0; i < width; i++) {
    const column = useRows.map((r) => found[r][i]).find((c) => c) ?? null;
    if (column && !seen.has(column.name)) {
      seen.add(column.name);
      columns.push(column);
      continue;
    }
    columns.push(null);
    const text = useRows.map((r) => texts[r][i] ?? "").filter((t) => t !== "").join(" ");
    if (text !== "") unknownColumns.push(text);
  }
  const missingKey = table.naturalKey
    .filter((name) => !seen.has(name))
    .map((name) => table.columns.find((c) => c.name === name)!);
  const headerRows = useRows.map((r) => r + 1);
  return {
    table,
    columns,
    headerRows,
    dataStartRow: headerRows.at(-1)! + 1,
    unknownColumns,
    score: seen.size,
    missingKey,
    weak: strong.length === 0,
  };
}

/**
 * Finds the header in the first two file rows (`rows[0]` is row 1): codes (any
 * case), Chinese labels or English column names, in row 1, row 2 or both. Picks
 * the table with the most recognised columns among those whose natural key
 * columns are all present. Throws a bilingual error when none fits.
 */
export function detectHeader(
  rows: readonly (readonly unknown[])[],
  tables: readonly Table[],
): HeaderMatch {
  const texts = [0, 1].map((r) => (rows[r] ?? []).map(headerText));
  const candidates = tables.map((t) => candidate(t, texts)).filter((c) => c !== null);
  const complete = candidates.filter((c) => c.missingKey.length === 0 && !c.weak);
  complete.sort((a, b) => b.score - a.score || a.unknownColumns.length - b.unknownColumns.length);
  const best = complete[0];
  if (best) {
    const { score: _score, missingKey: _missing, weak: _weak, ...match } = best;
    return match;
  }
  const row1 = texts[0].filter((t) => t !== "").slice(0, 12).join(", ");
  const partial = candidates.sort((a, b) => b.score - a.score)[0];
  const why = !partial
    ? `未找到已知列名 / no known column names`
    : partial.missingKey.length > 0
    ? `${partial.table.zh} 缺少关键列 / ${partial.table.en} lacks key columns ${
      partial.missingKey.map(columnLabel).join(", ")
    }`
    : `只有少数列名可识别 / too few column names recognised (${partial.score})`;
  const needs = tables.map((t) =>
    `${t.zh}: ${
      t.naturalKey.map((n) => columnLabel(t.columns.find((c) => c.name === n)!)).join(", ")
    }`
  );
  throw new Error(
    `无法识别表头 "${row1}" / cannot recognise the header "${row1}": ${why}. ` +
      `请在第1行（或第1、2行）写列代码、中文列名或英文列名，至少包含 / put column codes, Chinese labels or English names in row 1 (or rows 1 and 2), with at least: ${
        needs.join("; ")
      }`,
  );
}
