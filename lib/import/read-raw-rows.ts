import { decodeText } from "./decode-text.ts";
import { readCsvRows } from "./read-csv.ts";
import { readXlsxRows } from "./read-xlsx.ts";
import type { RawRow } from "./types.ts";

/** The rows of a file and how it was read. */
export interface RawRows {
  readonly format: "xlsx" | "csv";
  readonly encoding: "utf-8" | "gb18030" | null;
  readonly rows: AsyncIterable<RawRow>;
}

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE = [0xd0, 0xcf, 0x11, 0xe0];

function startsWith(bytes: Uint8Array, magic: number[]): boolean {
  return magic.every((b, i) => bytes[i] === b);
}

/**
 * Opens .xlsx or .csv bytes (the name's extension decides, the content's magic
 * bytes override it), decoding CSV text as UTF-8 or GB18030. Throws a bilingual
 * error for old .xls files and other formats.
 */
export function readRawRows(bytes: Uint8Array, fileName: string): RawRows {
  const ext = fileName.toLowerCase().match(/\.([a-z0-9]+)$/)?.[1] ?? "";
  if (startsWith(bytes, ZIP)) {
    return { format: "xlsx", encoding: null, rows: readXlsxRows(bytes) };
  }
  if (startsWith(bytes, OLE) || ext === "xls") {
    throw new Error(
      `不支持旧版 Excel 文件 "${fileName}" / cannot read old Excel file "${fileName}": 请另存为 .xlsx 或 .csv / save it as .xlsx or .csv`,
    );
  }
  if (ext === "xlsx") {
    throw new Error(
      `文件 "${fileName}" 不是有效的 .xlsx / "${fileName}" is not a valid .xlsx file: 请在 Excel 中重新保存 / save it again from Excel`,
    );
  }
  if (ext === "csv" || ext === "txt" || ext === "tsv" || ext === "") {
    const { text, encoding } = decodeText(bytes);
    return { format: "csv", encoding, rows: readCsvRows(text) };
  }
  throw new Error(
    `不支持的文件类型 "${fileName}" / unsupported file type "${fileName}": 请上传 .xlsx 或 .csv / upload .xlsx or .csv`,
  );
}
