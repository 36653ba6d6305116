import type { Executor, ExportChunk, ExportChunkRequest, Row } from "../db/db.ts";
import type { Table } from "../schema/column.ts";
import { DRILLING_ACTIVITIES } from "../schema/drilling-activities.ts";
import { DRILLING_DAILY } from "../schema/drilling-daily.ts";
import { WELLS } from "../schema/wells.ts";
import { columnNames } from "../schema/zod.ts";
import { csvLine } from "./csv.ts";
import { pageQuery } from "./export-chunk.ts";

/** Tables that can be exported, by name. */
export const EXPORTABLE: Readonly<Record<string, { table: Table; key: string }>> = {
  drilling_daily: { table: DRILLING_DAILY, key: "id" },
  wells: { table: WELLS, key: "well_id" },
  drilling_activities: { table: DRILLING_ACTIVITIES, key: "id" },
};

/** The exported columns of `name`: its key (if not a column) then every metadata column. */
export function exportColumns(name: string): string[] {
  const { table, key } = EXPORTABLE[name];
  const cols = columnNames(table);
  return cols.includes(key) ? cols : [key, ...cols];
}

/**
 * Yields the live rows of an exportable table in key order, `pageSize` at a time
 * (keyset paging), so an export of millions of rows never holds them all.
 */
export async function* exportPages(
  db: Executor,
  name: string,
  pageSize = 5000,
  maxRows = Infinity,
): AsyncGenerator<Row[]> {
  const { key } = EXPORTABLE[name];
  const columns = exportColumns(name);
  let after: string | number | null = null;
  let sent = 0;
  while (sent < maxRows) {
    const limit = Math.min(pageSize, maxRows - sent);
    const page = pageQuery(name, key, columns, after, limit);
    const rs: { rows: Row[] } = await db.execute(page.sql, page.args);
    if (rs.rows.length === 0) return;
    yield rs.rows;
    sent += rs.rows.length;
    after = rs.rows[rs.rows.length - 1][key] as string | number;
    if (rs.rows.length < limit) return;
  }
}

/** The header line and rows of an export as CSV chunks (UTF-8 with BOM so Excel reads Chinese). */
export async function* exportCsv(
  db: Executor,
  name: string,
  maxRows = Infinity,
): AsyncGenerator<string> {
  const cols = exportColumns(name);
  yield `\uFEFF${csvLine(cols)}`;
  for await (const page of exportPages(db, name, 5000, maxRows)) {
    yield page.map((row) => csvLine(cols.map((c) => row[c]))).join("");
  }
}

type Ask = (
  request: Pick<ExportChunkRequest, "after" | "limit" | "through" | "ahead">,
) => Promise<ExportChunk>;

/**
 * A whole table's pages, two made at once (on two reader threads): each "lead" page also finds
 * where the page after it ends (`ahead`), so that page and the next lead are asked for together.
 * At most the page being sent and the two being made are held.
 */
async function* pagesInPairs(ask: Ask, pageSize: number): AsyncGenerator<Uint8Array> {
  let lead = ask({ after: null, limit: pageSize, ahead: true });
  for (;;) {
    const a = await lead;
    if (a.rows < pageSize || a.last === null) {
      if (a.rows > 0) yield a.bytes;
      return;
    }
    if (a.ahead === null || a.ahead === undefined) {
      yield a.bytes;
      // Fewer than a page was left when `a` looked: the rest one page at a time.
      let after: string | number = a.last;
      for (;;) {
        const page = await ask({ after, limit: pageSize });
        if (page.rows > 0) yield page.bytes;
        if (page.rows < pageSize || page.last === null) return;
        after = page.last;
      }
    }
    const through = a.ahead;
    const between = ask({ after: a.last, through, limit: pageSize });
    lead = ask({ after: through, limit: pageSize, ahead: true });
    yield a.bytes;
    // Rows written meanwhile may make the range hold more than a page: the rest follows in order.
    let part = await between;
    for (;;) {
      if (part.rows > 0) yield part.bytes;
      if (part.rows < pageSize || part.last === null || part.last === through) break;
      part = await ask({ after: part.last, through, limit: pageSize });
    }
  }
}

/** Rows per page of a streamed export made in a database thread (about 400 KB of CSV). */
export const EXPORT_CHUNK_ROWS = 2000;

/** A database whose reader threads can write an export's pages (lib/db/threads.ts). */
export interface ChunkExporter {
  exportChunk?(request: ExportChunkRequest): Promise<ExportChunk>;
}

/**
 * The export of `name` as UTF-8 CSV bytes, the same bytes as `exportCsv` encoded. On a database
 * with reader threads each page is read and written as CSV there (`exportChunk`) and only its
 * bytes cross; the next page is asked for while this one is sent, never more, so a slow client
 * holds at most two pages and one that goes away leaves no work behind (each page is a request of
 * its own: nothing stays open in the thread between pages). Elsewhere (a remote database, a
 * scoped caller) it is `exportCsv`, encoded.
 */
export async function* exportCsvBytes(
  db: Executor & ChunkExporter,
  name: string,
  maxRows = Infinity,
  pageSize = EXPORT_CHUNK_ROWS,
): AsyncGenerator<Uint8Array> {
  const encoder = new TextEncoder();
  const exportChunk = db.exportChunk?.bind(db);
  if (!exportChunk) {
    for await (const text of exportCsv(db, name, maxRows)) yield encoder.encode(text);
    return;
  }
  const columns = exportColumns(name);
  const { key } = EXPORTABLE[name];
  yield encoder.encode(`\uFEFF${csvLine(columns)}`);
  if (maxRows === Infinity) {
    yield* pagesInPairs((request) => {
      const asked = exportChunk({ table: name, key, columns, ...request });
      // Asked ahead: if the download ends first, its failure has nobody to tell.
      asked.catch(() => {});
      return asked;
    }, pageSize);
    return;
  }
  // A page asked for, with the most rows it may hold (fewer means the table ended).
  const page = (after: string | number | null, sent: number) => {
    const limit = Math.min(pageSize, maxRows - sent);
    if (limit <= 0) return null;
    const asked = exportChunk({ table: name, key, columns, after, limit });
    // Asked ahead: if the download ends first, its failure has nobody to tell.
    asked.catch(() => {});
    return { asked, limit };
  };
  let sent = 0;
  let next = page(null, 0);
  while (next) {
    const chunk = await next.asked;
    if (chunk.rows === 0) return;
    sent += chunk.rows;
    next = chunk.rows < next.limit || chunk.last === null ? null : page(chunk.last, sent);
    yield chunk.bytes;
  }
}

/**
 * The live rows of an exportable table as NDJSON bytes (one JSON object per line, the columns of
 * {@link exportColumns}), a page at a time: the download `export_all_data` names for `format: "json"`.
 */
export async function* exportNdjsonBytes(
  db: Executor,
  name: string,
  maxRows = Infinity,
): AsyncGenerator<Uint8Array> {
  const encoder = new TextEncoder();
  for await (const page of exportPages(db, name, 5000, maxRows)) {
    yield encoder.encode(page.map((row) => `${JSON.stringify(row)}\n`).join(""));
  }
}
