import type { ExportChunk, ExportChunkRequest, RawReader } from "../db.ts";
import { csvLines } from "./csv.ts";

/**
 * One page of an export as CSV bytes (run in a database thread): the live rows of `table` after
 * `after` in key order, at most `limit`, read as arrays and written as CSV there, so only the
 * bytes cross to the thread that serves HTTP. The same rows, order and text as exportPages + csvLine.
 */
export function csvChunk(reader: RawReader, request: ExportChunkRequest): ExportChunk {
  const { table, key, columns, after, limit } = request;
  const cols = columns.join(", ");
  const rows = after === null
    ? reader.all(`SELECT ${cols} FROM ${table} WHERE deleted_at IS NULL ORDER BY ${key} LIMIT ?`, [limit])
    : reader.all(`SELECT ${cols} FROM ${table} WHERE deleted_at IS NULL AND ${key} > ? ORDER BY ${key} LIMIT ?`, [after, limit]);
  const at = columns.indexOf(key);
  const last = rows.length ? rows[rows.length - 1][at] : null;
  const bytes = new TextEncoder().encode(csvLines(rows));
  return { bytes, rows: rows.length, last: typeof last === "number" || typeof last === "string" ? last : null };
}
