import { test } from "node:test";
import assert from "node:assert/strict";
import ExcelJS from "exceljs";
import { checkXlsxLimits, XLSX_LIMITS, XlsxLimitError } from "../../lib/import/xlsx-limits.ts";
import { buildXlsx, inflationBomb, overlapBomb, widthBomb } from "../helpers/xlsx-bombs.ts";

test("a width bomb (7,000 rows reaching column XFD) is refused by its column, before exceljs", async () => {
  const file = widthBomb();
  assert.ok(file.byteLength < 100_000, `${file.byteLength} bytes`);
  const start = performance.now();
  await assert.rejects(
    () => checkXlsxLimits(file),
    (e: Error) =>
      e instanceof XlsxLimitError &&
      /第 XFD 列.*上限 256 列.*column XFD \(column 16384\), the limit is 256 columns.*split the file/
        .test(e.message),
  );
  assert.ok(performance.now() - start < 2000);
});

test("zip bombs are refused at the inflated-size limit without inflating past it, whatever sizes they declare", async () => {
  const honest = inflationBomb(100);
  assert.ok(honest.byteLength < 200_000, `${honest.byteLength} bytes`);
  await assert.rejects(
    () => checkXlsxLimits(honest),
    /解压后为 \d+ 字节，超过 67108864 字节上限.*inflates to \d+ bytes, beyond the limit of 67108864 bytes/,
  );
  // Claiming 1 KiB does not help: each part is measured as it inflates.
  await assert.rejects(
    () => checkXlsxLimits(inflationBomb(100, 1024)),
    /解压后超过 67108864 字节上限.*inflates beyond the limit of 67108864 bytes \(part "xl\/worksheets\/sheet1.xml"\)/,
  );
  // Each copy alone fits; together they do not.
  await assert.rejects(() => checkXlsxLimits(overlapBomb(20, 10)), /inflates beyond the limit/);
  await assert.rejects(
    () => checkXlsxLimits(overlapBomb(0, 5000)),
    /5004 个部件.*5004 parts, the limit is 2000/,
  );
});

test("rows and cells are bounded too; a real workbook passes", async () => {
  const rows = (n: number, cols: number) =>
    Array.from(
      { length: n },
      (_, r) =>
        `<row r="${r + 1}">${
          Array.from({ length: cols }, (_, c) => `<c><v>${c}</v></c>`).join("")
        }</row>`,
    ).join("");
  const limits = { ...XLSX_LIMITS, rows: 100, cells: 1000, columns: 20 };
  await assert.rejects(
    () => checkXlsxLimits(buildXlsx(rows(101, 1)), limits),
    /超过 100 行上限.*more than 100 rows/,
  );
  await assert.rejects(
    () => checkXlsxLimits(buildXlsx(rows(60, 20)), limits),
    /超过 1000 个单元格.*more than 1000 cells/,
  );
  await assert.rejects(
    () => checkXlsxLimits(buildXlsx(rows(2, 21)), limits),
    /column U \(column 21\)/,
  );
  await assert.doesNotReject(
    () => checkXlsxLimits(buildXlsx(rows(50, 20)), limits),
    "cells without r count per row",
  );
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("日报");
  sheet.addRow(["JH", "RQ", "DRJS"]);
  for (let i = 0; i < 500; i++) {
    sheet.addRow(["W001", `2021-03-${String((i % 28) + 1).padStart(2, "0")}`, 1000 + i]);
  }
  const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
  await assert.doesNotReject(() => checkXlsxLimits(bytes));
  await assert.rejects(
    () => checkXlsxLimits(bytes.slice(0, 100)),
    /cannot read the \.xlsx file's structure/,
  );
});

test("a sheet of many inflated chunks is counted exactly, whichever chunk a tag straddles", async () => {
  // 3,000 rows of 20 cells, about 1.5 MB of XML: tags fall across the guard's 64 KiB chunks.
  const sheet = Array.from(
    { length: 3000 },
    (_, r) =>
      `<row r="${r + 1}" spans="1:20">${
        Array.from({ length: 20 }, (_, c) =>
          r % 2
            ? `<c s="1"><v>${c}</v></c>`
            : `<c r="${String.fromCharCode(65 + c)}${r + 1}"><v>${c}</v></c>`).join("")
      }</row>`,
  ).join("");
  const file = buildXlsx(sheet);
  const exact = { ...XLSX_LIMITS, rows: 3000, cells: 60_000, columns: 20 };
  await assert.doesNotReject(() => checkXlsxLimits(file, exact));
  await assert.rejects(
    () => checkXlsxLimits(file, { ...exact, rows: 2999 }),
    /more than 2999 rows/,
  );
  await assert.rejects(
    () => checkXlsxLimits(file, { ...exact, cells: 59_999 }),
    /more than 59999 cells/,
  );
  await assert.rejects(
    () => checkXlsxLimits(file, { ...exact, columns: 19 }),
    /column T \(column 20\)/,
  );
  // One cell past the limit in the last row, far beyond the first chunk.
  const wide = buildXlsx(`${sheet}<row r="3001"><c r="U3001"><v>1</v></c></row>`);
  await assert.rejects(
    () => checkXlsxLimits(wide, { ...exact, rows: 3001, cells: 60_001 }),
    /worksheet "xl\/worksheets\/sheet1.xml" has a cell in column U \(column 21\)/,
  );
});
