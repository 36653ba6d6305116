import type { Executor } from "../db/db.ts";
import { applyChunk } from "./apply-chunk.ts";
import type { AppliedRow } from "./apply-chunk.ts";
import { planChunk } from "./plan-chunk.ts";
import type { RowPlan, WriteRow } from "./plan-chunk.ts";
import type { WriteTarget } from "./targets.ts";

/** Options of upsertRows. */
export interface UpsertOptions {
  /** false: plan only (a dry run), nothing is written. */
  readonly apply: boolean;
  /** Who writes, for created_by/updated_by and record_history. */
  readonly actor: string;
  /** Rows per SELECT and per multi-row INSERT round (default 500). */
  readonly chunkSize?: number;
  /** Called after each chunk with the rows done so far. */
  readonly onProgress?: (done: number) => void;
}

/**
 * Upserts `rows` into `target` by natural key, chunk by chunk, on `db` (pass the
 * open transaction to make the whole run atomic). Returns what happened to every
 * row, in input order: inserted rows with their new id, updated rows with the
 * changed fields, unchanged rows, and rows refused (a key repeated in the run, a
 * deleted well). With `apply: false` it only plans and writes nothing.
 */
export async function upsertRows(
  db: Executor,
  target: WriteTarget,
  rows: readonly WriteRow[],
  options: UpsertOptions,
): Promise<(RowPlan | AppliedRow)[]> {
  const size = options.chunkSize ?? 500;
  const seen = new Map<string, number>();
  const out: (RowPlan | AppliedRow)[] = [];
  for (let i = 0; i < rows.length; i += size) {
    const plans = await planChunk(db, target, rows.slice(i, i + size), seen);
    const done = options.apply ? await applyChunk(db, target, plans, options.actor) : plans;
    for (const p of done) out.push(p);
    options.onProgress?.(Math.min(rows.length, i + size));
  }
  return out;
}
