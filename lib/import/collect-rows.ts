import { convertRow } from "./convert-row.ts";
import type { HeaderMatch } from "./detect-header.ts";
import type { DuplicateKey, ParsedRow, RawRow, RowRejection } from "./types.ts";

/** What a collector holds once every data row went through it. */
export interface CollectedRows {
  readonly rows: readonly ParsedRow[];
  readonly rejected: readonly RowRejection[];
  readonly blankRows: number;
  readonly duplicateKeys: readonly DuplicateKey[];
}

/** Accepts data rows one at a time (in file order) and returns the totals at the end. */
export interface RowCollector {
  add(raw: RawRow): void;
  finish(): CollectedRows;
}

/**
 * A collector for one file: validates each row, counts blank rows (also rows
 * missing from an .xlsx sheet between data rows), and keeps only the last row of
 * each natural key, reporting the duplicates. Linear in the number of rows.
 */
export function createRowCollector(header: HeaderMatch): RowCollector {
  const kept: (ParsedRow | undefined)[] = [];
  const rejected: RowRejection[] = [];
  const byKey = new Map<string, { index: number; key: DuplicateKey["key"]; rows: number[] }>();
  let blankRows = 0;
  let lastRow = header.dataStartRow - 1;
  return {
    add(raw) {
      blankRows += Math.max(0, raw.row - lastRow - 1);
      lastRow = raw.row;
      const result = convertRow(raw, header);
      if (result.kind === "blank") blankRows += 1;
      else if (result.kind === "rejected") rejected.push(...result.rejections);
      else {
        const id = JSON.stringify(result.key);
        const seen = byKey.get(id);
        if (seen) kept[seen.index] = undefined;
        const entry = seen ?? { index: 0, key: result.key, rows: [] };
        entry.index = kept.length;
        entry.rows.push(raw.row);
        byKey.set(id, entry);
        kept.push({ row: raw.row, values: result.values });
      }
    },
    finish() {
      const duplicateKeys = [...byKey.values()]
        .filter((e) => e.rows.length > 1)
        .map((e) => ({ key: e.key, rows: e.rows }));
      const rows = kept.filter((r) => r !== undefined);
      return { rows, rejected, blankRows, duplicateKeys };
    },
  };
}
