import type { ExportChunk, ExportChunkRequest, RawReader, SqlValue } from "../db/db.ts";
import { csvLine } from "./csv.ts";

/** Where a thread writes its pages' bytes before each is copied out at its size (kept between pages). */
export interface PageBuffer {
  bytes: Uint8Array;
}

/** A page buffer of 1 MB, doubled when a page needs more. */
export function pageBuffer(): PageBuffer {
  return { bytes: new Uint8Array(1 << 20) };
}

/**
 * The SELECT of one export page: the live rows of `table` after `after` (none: from the first)
 * and up to `through` (none: to the last) in `key` order, at most `limit`.
 */
export function pageQuery(
  table: string,
  key: string,
  columns: readonly string[],
  after: string | number | null,
  limit: number,
  through?: string | number,
): { sql: string; args: SqlValue[] } {
  const upTo = through === undefined ? "" : ` AND ${key} <= ?`;
  const bound = through === undefined ? [] : [through];
  const from = after === null ? "" : ` AND ${key} > ?`;
  return {
    sql: `SELECT ${
      columns.join(", ")
    } FROM ${table} WHERE deleted_at IS NULL${from}${upTo} ORDER BY ${key} LIMIT ?`,
    args: [...(after === null ? [] : [after]), ...bound, limit],
  };
}

/**
 * One page of an export as CSV bytes (run in a database thread): the live rows of `table` after
 * `after` in key order, at most `limit`, read as arrays and written as CSV there, so only the
 * bytes cross to the thread that serves HTTP. The same rows, order and text as exportPages +
 * csvLine. Each row is encoded as soon as it is read, so a page's rows and strings die young
 * (the thread's heap stays small) and only its bytes are kept.
 */
export function csvChunk(
  reader: RawReader,
  request: ExportChunkRequest,
  buffer: PageBuffer = pageBuffer(),
): ExportChunk {
  const { table, key, columns, after, limit, through } = request;
  const page = pageQuery(table, key, columns, after, limit, through);
  const rows = reader.rows(page.sql, page.args);
  const at = columns.indexOf(key);
  const encoder = new TextEncoder();
  let bytes = buffer.bytes;
  let written = 0;
  let count = 0;
  let last: unknown = null;
  for (const row of rows) {
    let line = csvLine(row);
    for (;;) {
      const done = encoder.encodeInto(line, bytes.subarray(written));
      written += done.written;
      if (done.read === line.length) break;
      line = line.slice(done.read);
      const bigger = new Uint8Array(bytes.length * 2);
      bigger.set(bytes.subarray(0, written));
      bytes = buffer.bytes = bigger;
    }
    count++;
    last = row[at];
  }
  const end = typeof last === "number" || typeof last === "string" ? last : null;
  // Copied out at its size: the page crosses threads without the buffer's unused part.
  const chunk = { bytes: bytes.slice(0, written), rows: count, last: end };
  if (!request.ahead || end === null) return chunk;
  // Steps over the next page's keys only (no columns read), to name its last one.
  const [next] = reader.rows(
    `SELECT ${key} FROM ${table} WHERE deleted_at IS NULL AND ${key} > ? ORDER BY ${key} LIMIT 1 OFFSET ?`,
    [end, limit - 1],
  );
  const ahead = next?.[0];
  return { ...chunk, ahead: typeof ahead === "number" || typeof ahead === "string" ? ahead : null };
}
