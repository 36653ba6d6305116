import { Buffer } from "node:buffer";
import { inflateRawSync } from "node:zlib";

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

/** The entry's bytes inflated, at most `budget` of them (refused beyond, without inflating the rest). */
function inflate(buf: Buffer, entry: Entry, budget: number, limit: number): Buffer {
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
    return data;
  }
  if (entry.method !== 8) refuseZip(`compression method ${entry.method}`);
  try {
    // maxOutputLength stops inflating at the budget: a bomb never gets its memory.
    return inflateRawSync(data, { maxOutputLength: Math.max(1, budget) });
  } catch (error) {
    if (
      error instanceof RangeError || (error as { code?: string }).code === "ERR_BUFFER_TOO_LARGE"
    ) throw tooBig();
    refuseZip(`${entry.name}: ${(error as Error).message}`);
  }
}

/** Column number of letters `A`…`XFD` (1-based). */
function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

function columnLetters(n: number): string {
  let s = "";
  for (; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

const ROW_TAG = Buffer.from("<row");
const CELL_TAG = Buffer.from("<c");
const REF = /^[^>]*?\sr="([A-Z]{1,3})\d/;

function isTag(xml: Buffer, at: number, length: number): boolean {
  const next = xml[at + length];
  return next === 0x20 || next === 0x3e || next === 0x2f; // `<c ` `<c>` `<c/`, not `<col`, `<rowBreaks` …
}

/**
 * Counts rows and cells of a worksheet's XML and finds its rightmost cell, in one linear pass
 * (a cell without `r` is the one right of the previous cell of its row, as exceljs reads it).
 */
function scanSheet(xml: Buffer, name: string, limits: XlsxLimits, cellsSoFar: number): number {
  let rows = 0;
  let cells = cellsSoFar;
  let column = 0;
  let row = xml.indexOf(ROW_TAG);
  const countRowsBefore = (end: number) => {
    for (; row >= 0 && row < end; row = xml.indexOf(ROW_TAG, row + 4)) {
      if (!isTag(xml, row, 4)) continue;
      column = 0;
      if (++rows > limits.rows) {
        throw new XlsxLimitError(
          `工作表 "${name}" 超过 ${limits.rows} 行上限`,
          `worksheet "${name}" has more than ${limits.rows} rows, the limit`,
        );
      }
    }
  };
  for (let i = xml.indexOf(CELL_TAG); i >= 0; i = xml.indexOf(CELL_TAG, i + 2)) {
    if (!isTag(xml, i, 2)) continue;
    countRowsBefore(i);
    if (++cells > limits.cells) {
      throw new XlsxLimitError(
        `文件超过 ${limits.cells} 个单元格上限`,
        `the file has more than ${limits.cells} cells, the limit`,
      );
    }
    const ref = REF.exec(xml.toString("latin1", i + 2, Math.min(xml.length, i + 200)));
    column = ref ? columnNumber(ref[1]) : column + 1;
    if (column > limits.columns) {
      const at = columnLetters(column);
      throw new XlsxLimitError(
        `工作表 "${name}" 有第 ${at} 列（第 ${column} 列）的单元格，上限 ${limits.columns} 列（${
          columnLetters(limits.columns)
        }）`,
        `worksheet "${name}" has a cell in column ${at} (column ${column}), the limit is ${limits.columns} columns (${
          columnLetters(limits.columns)
        })`,
      );
    }
  }
  countRowsBefore(xml.length);
  return cells;
}

/**
 * Checks an .xlsx before anything parses it: the zip's parts, their real inflated size (inflated
 * here with a hard output bound, never trusting the sizes the zip declares), and each worksheet's
 * rows, columns and cells. Throws an XlsxLimitError naming the limit and how to split the file;
 * holds at most one inflated part at a time.
 */
export function checkXlsxLimits(bytes: Uint8Array, limits: XlsxLimits = XLSX_LIMITS): void {
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
    const part = inflate(buf, entry, limits.inflatedBytes - inflated, limits.inflatedBytes);
    inflated += part.length;
    if (/^xl\/worksheets\/[^/]+\.xml$/i.test(entry.name)) {
      cells = scanSheet(part, entry.name, limits, cells);
    }
  }
}
