import { Buffer } from "node:buffer";
import { createInflateRaw } from "node:zlib";

/** What an .xlsx may hold before exceljs is let near it (the .xlsx guard refuses beyond). */
export const XLSX_LIMITS = Object.freeze({
  /** All parts together once inflated, bytes. */
  inflatedBytes: 64 * 1024 * 1024,
  /** Parts (files) in the zip. */
  entries: 2000,
  /** Rows of one worksheet. */
  rows: 200_000,
  /** Columns: a cell right of this one (IV) is refused. */
  columns: 256,
  /** Cells of all worksheets together. */
  cells: 2_000_000,
});

/** Limits of {@link checkXlsxLimits}; each defaults to {@link XLSX_LIMITS}. */
export type XlsxLimits = { readonly [K in keyof typeof XLSX_LIMITS]: number };

const SPLIT_ADVICE =
  "请删除空白行列或把文件拆成几个较小的文件分别导入 / remove empty rows and columns, or split the file into smaller files and import them one by one";

/** A bilingual refusal naming the limit, the file's figure and how to split the file. */
export class XlsxLimitError extends Error {
  override name = "XlsxLimitError";
  constructor(zh: string, en: string) {
    super(`${zh} / ${en}: ${SPLIT_ADVICE}`);
  }
}

type Entry = {
  name: string;
  method: number;
  compressed: number;
  declared: number;
  localOffset: number;
};

function refuseZip(why: string): never {
  throw new XlsxLimitError(
    `.xlsx 文件结构无法读取（${why}）`,
    `cannot read the .xlsx file's structure (${why})`,
  );
}

/** The central directory's entries, read from the end-of-central-directory record. */
function centralDirectory(buf: Buffer, maxEntries: number): Entry[] {
  const searchFrom = Math.max(0, buf.length - 22 - 0xffff);
  let eocd = -1;
  for (let i = buf.length - 22; i >= searchFrom; i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) refuseZip("no end of central directory");
  const count = buf.readUInt16LE(eocd + 10);
  let at = buf.readUInt32LE(eocd + 16);
  if (count === 0xffff || at === 0xffffffff) refuseZip("ZIP64");
  if (count > maxEntries) {
    throw new XlsxLimitError(
      `文件包含 ${count} 个部件，上限 ${maxEntries}`,
      `the file has ${count} parts, the limit is ${maxEntries}`,
    );
  }
  const entries: Entry[] = [];
  for (let n = 0; n < count; n++) {
    if (at + 46 > buf.length || buf.readUInt32LE(at) !== 0x02014b50) {
      refuseZip("bad central directory");
    }
    const nameLength = buf.readUInt16LE(at + 28);
    const skip = nameLength + buf.readUInt16LE(at + 30) + buf.readUInt16LE(at + 32);
    entries.push({
      method: buf.readUInt16LE(at + 10),
      compressed: buf.readUInt32LE(at + 20),
      declared: buf.readUInt32LE(at + 24),
      localOffset: buf.readUInt32LE(at + 42),
      name: buf.toString("utf8", at + 46, at + 46 + nameLength),
    });
    at += 46 + skip;
  }
  return entries;
}

/** Bytes of inflated output handed over at a time: what the guard holds of a part. */
const CHUNK_BYTES = 64 * 1024;

/**
 * Passes the entry's bytes, inflated, to `take` a chunk at a time, and returns their count;
 * refused once they pass `budget`, without inflating the rest. Inflates off the event loop.
 */
async function inflate(
  buf: Buffer,
  entry: Entry,
  budget: number,
  limit: number,
  take: (chunk: Buffer) => void,
): Promise<number> {
  const local = entry.localOffset;
  if (local + 30 > buf.length || buf.readUInt32LE(local) !== 0x04034b50) {
    refuseZip(`bad local header of ${entry.name}`);
  }
  const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
  const data = buf.subarray(start, start + entry.compressed);
  const tooBig = () =>
    new XlsxLimitError(
      `文件解压后超过 ${limit} 字节上限（部件 "${entry.name}"）`,
      `the file inflates beyond the limit of ${limit} bytes (part "${entry.name}")`,
    );
  if (entry.method === 0) {
    if (data.length > budget) throw tooBig();
    take(data);
    return data.length;
  }
  if (entry.method !== 8) refuseZip(`compression method ${entry.method}`);
  const inflater = createInflateRaw({ chunkSize: CHUNK_BYTES });
  inflater.end(data);
  let size = 0;
  try {
    for await (const chunk of inflater as AsyncIterable<Buffer>) {
      size += chunk.length;
      if (size > budget) throw tooBig();
      take(chunk);
    }
  } catch (error) {
    if (error instanceof XlsxLimitError) throw error;
    refuseZip(`${entry.name}: ${(error as Error).message}`);
  } finally {
    inflater.destroy();
  }
  return size;
}

function columnLetters(n: number): string {
  let s = "";
  for (; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** `<row` followed by a space, `>` or `/` at `at`. */
function isRowTag(xml: Buffer, at: number): boolean {
  return xml[at + 1] === 0x72 && xml[at + 2] === 0x6f && xml[at + 3] === 0x77 && isTag(xml, at, 4);
}

function isTag(xml: Buffer, at: number, length: number): boolean {
  const next = xml[at + length];
  return next === 0x20 || next === 0x3e || next === 0x2f; // `<c ` `<c>` `<c/`, not `<col`, `<rowBreaks` …
}

/** Whitespace as `\s` matches it in a latin1 string. */
function isSpace(b: number): boolean {
  return (b >= 0x09 && b <= 0x0d) || b === 0x20 || b === 0xa0;
}

/**
 * The column of the cell whose tag starts at `at`, read from its `r="AB12"` attribute within the
 * tag's first 200 bytes; undefined without one. Read from the bytes: a string per cell would make
 * millions of short-lived strings for a big sheet.
 */
function refColumn(xml: Buffer, at: number): number | undefined {
  const end = Math.min(xml.length, at + 200);
  for (let j = at + 2; j + 4 < end && xml[j] !== 0x3e; j++) {
    if (!isSpace(xml[j]) || xml[j + 1] !== 0x72 || xml[j + 2] !== 0x3d || xml[j + 3] !== 0x22) {
      continue; // not ` r="`
    }
    let k = j + 4;
    let column = 0;
    for (; k < end && k < j + 8 && xml[k] >= 0x41 && xml[k] <= 0x5a; k++) {
      column = column * 26 + (xml[k] - 64);
    }
    const letters = k - (j + 4);
    if (letters >= 1 && letters <= 3 && k < end && xml[k] >= 0x30 && xml[k] <= 0x39) return column;
  }
  return undefined;
}

/** Reading of one worksheet's XML fed in pieces: its rows, the file's cells, the rightmost cell. */
type SheetScan = {
  /** Scans `xml`'s tags; returns where the unscanned rest starts (kept for the next piece) unless `last`. */
  feed(xml: Buffer, last: boolean): number;
  /** Cells of all worksheets so far. */
  readonly cells: () => number;
};

/** Bytes after a tag's `<` read to decide it: its name and its `r` attribute (within 200). */
const TAG_LOOKAHEAD = 256;

/**
 * Counts a worksheet's rows and the file's cells and finds the rightmost cell, in one linear pass
 * over pieces of its XML (a cell without `r` is the one right of the previous cell of its row, as
 * exceljs reads it). Throws an XlsxLimitError at the first figure past its limit.
 */
function sheetScan(name: string, limits: XlsxLimits, cellsSoFar: number): SheetScan {
  let rows = 0;
  let cells = cellsSoFar;
  let column = 0;
  const row = () => {
    column = 0;
    if (++rows > limits.rows) {
      throw new XlsxLimitError(
        `工作表 "${name}" 超过 ${limits.rows} 行上限`,
        `worksheet "${name}" has more than ${limits.rows} rows, the limit`,
      );
    }
  };
  const cell = (xml: Buffer, at: number) => {
    if (++cells > limits.cells) {
      throw new XlsxLimitError(
        `文件超过 ${limits.cells} 个单元格上限`,
        `the file has more than ${limits.cells} cells, the limit`,
      );
    }
    column = refColumn(xml, at) ?? column + 1;
    if (column > limits.columns) {
      const letters = columnLetters(column);
      const limit = columnLetters(limits.columns);
      throw new XlsxLimitError(
        `工作表 "${name}" 有第 ${letters} 列（第 ${column} 列）的单元格，上限 ${limits.columns} 列（${limit}）`,
        `worksheet "${name}" has a cell in column ${letters} (column ${column}), the limit is ${limits.columns} columns (${limit})`,
      );
    }
  };
  return {
    feed(xml, last) {
      for (let at = xml.indexOf(0x3c); at >= 0; at = xml.indexOf(0x3c, at + 1)) {
        if (!last && at + TAG_LOOKAHEAD > xml.length) return at;
        if (xml[at + 1] === 0x63 && isTag(xml, at, 2)) cell(xml, at); // `<c`
        else if (isRowTag(xml, at)) row();
      }
      return xml.length;
    },
    cells: () => cells,
  };
}

/**
 * Checks an .xlsx before anything parses it: the zip's parts, their real inflated size (inflated
 * here with a hard output bound, never trusting the sizes the zip declares), and each worksheet's
 * rows, columns and cells. Rejects with an XlsxLimitError naming the limit and how to split the file;
 * holds a chunk of inflated bytes at a time, never a whole part.
 */
export async function checkXlsxLimits(
  bytes: Uint8Array,
  limits: XlsxLimits = XLSX_LIMITS,
): Promise<void> {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const entries = centralDirectory(buf, limits.entries);
  // Sizes the zip declares may lie (each part is measured as it inflates below), but honest ones
  // already over the limit are refused without inflating anything.
  const declared = entries.reduce((sum, e) => sum + e.declared, 0);
  if (declared > limits.inflatedBytes) {
    throw new XlsxLimitError(
      `文件解压后为 ${declared} 字节，超过 ${limits.inflatedBytes} 字节上限`,
      `the file inflates to ${declared} bytes, beyond the limit of ${limits.inflatedBytes} bytes`,
    );
  }
  let inflated = 0;
  let cells = 0;
  for (const entry of entries) {
    if (entry.name.endsWith("/")) continue;
    const budget = limits.inflatedBytes - inflated;
    if (!/^xl\/worksheets\/[^/]+\.xml$/i.test(entry.name)) {
      inflated += await inflate(buf, entry, budget, limits.inflatedBytes, () => {});
      continue;
    }
    const scan = sheetScan(entry.name, limits, cells);
    let rest: Buffer = Buffer.alloc(0);
    inflated += await inflate(buf, entry, budget, limits.inflatedBytes, (chunk) => {
      const xml = rest.length ? Buffer.concat([rest, chunk]) : chunk;
      // A copy: a view would keep the whole piece alive.
      rest = Buffer.from(xml.subarray(scan.feed(xml, false)));
    });
    scan.feed(rest, true);
    cells = scan.cells();
  }
}
