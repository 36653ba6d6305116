import ExcelJS from "exceljs";
import type { RawRow } from "./types.ts";
import { checkXlsxLimits } from "./xlsx-limits.ts";

/**
 * Reads the first worksheet of an .xlsx file with exceljs. Cells keep exceljs's
 * value shapes (Date, number, rich text, formula result, error); see cellValue().
 * Rows absent from the sheet are not yielded, so row numbers can jump.
 */
export async function* readXlsxRows(bytes: Uint8Array): AsyncGenerator<RawRow> {
  // The whole-file reader, not exceljs's streaming WorkbookReader: the latter
  // returns {sharedString: n} instead of text when a sheet precedes
  // sharedStrings.xml in the zip, which is how Excel itself orders the parts
  // (exceljs issue #683). This one is linear but holds the sheet in memory.
  // Bombs (a few KB inflating to GB, 7,000 rows reaching column XFD) are refused before exceljs
  // builds anything: it would hold every cell, and every row as wide as its rightmost cell.
  await checkXlsxLimits(bytes);
  const workbook = new ExcelJS.Workbook();
  // exceljs's types take an ArrayBuffer (JSZip reads it): a view of part of one is copied.
  const whole = bytes.buffer instanceof ArrayBuffer && bytes.byteOffset === 0 &&
    bytes.byteLength === bytes.buffer.byteLength;
  await workbook.xlsx.load(whole ? bytes.buffer : bytes.slice().buffer);
  const sheet = workbook.worksheets[0];
  if (!sheet) return;
  for (let number = 1; number <= sheet.rowCount; number++) {
    const row = sheet.findRow(number);
    if (!row) continue;
    const values = row.values;
    // row.values is 1-based (index 0 empty).
    const cells = Array.isArray(values) ? values.slice(1) : [];
    yield { row: number, cells };
  }
}
