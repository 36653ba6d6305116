import { Buffer } from "node:buffer";
import { deflateRawSync } from "node:zlib";

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(data: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of data) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** `size` bytes of a zip header holding little-endian fields, each [offset, width in bytes, value]. */
function zipHeader(size: number, fields: readonly (readonly [number, 2 | 4, number])[]): Buffer {
  const header = Buffer.alloc(size);
  for (const [at, width, value] of fields) {
    if (width === 2) header.writeUInt16LE(value, at);
    else header.writeUInt32LE(value, at);
  }
  return header;
}

/** A zip part: its name and content; `copies` central-directory entries share its data (an overlap bomb). */
export type ZipPart = {
  name: string;
  data: Uint8Array | string;
  copies?: number;
  declaredSize?: number;
};

/** A zip file of deflated parts, written here byte by byte (no library to trust). */
export function buildZip(parts: readonly ZipPart[]): Uint8Array {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  let count = 0;
  for (const part of parts) {
    const raw = typeof part.data === "string"
      ? Buffer.from(part.data, "utf8")
      : Buffer.from(part.data);
    const packed = deflateRawSync(raw, { level: 9 });
    const name = Buffer.from(part.name, "utf8");
    const crc = crc32(raw);
    const size = part.declaredSize ?? raw.length;
    // The fields a local header and a central directory entry share, from where they start in each:
    // version 2.0 needed, deflate, crc, sizes, name length.
    const common = (at: number, nameLength: number): [number, 2 | 4, number][] => [
      [at, 2, 20],
      [at + 4, 2, 8],
      [at + 10, 4, crc],
      [at + 14, 4, packed.length],
      [at + 18, 4, size],
      [at + 22, 2, nameLength],
    ];
    // Local file header: signature, then the common fields.
    const local = zipHeader(30, [[0, 4, 0x04034b50], ...common(4, name.length)]);
    const localOffset = offset;
    locals.push(local, name, packed);
    offset += 30 + name.length + packed.length;
    for (let copy = 0; copy < (part.copies ?? 1); copy++) {
      const entryName = copy === 0 ? name : Buffer.from(`${part.name}.${copy}`, "utf8");
      // Central directory entry: signature, version made by, the common fields two bytes later
      // than in the local header, and where the local header is.
      const entry = zipHeader(46, [
        [0, 4, 0x02014b50],
        [4, 2, 20],
        ...common(6, entryName.length),
        [42, 4, localOffset],
      ]);
      central.push(entry, entryName);
      count++;
    }
  }
  const centralBytes = Buffer.concat(central);
  const end = zipHeader(22, [[0, 4, 0x06054b50], [8, 2, count], [10, 2, count], [
    12,
    4,
    centralBytes.length,
  ], [16, 4, offset]]);
  return new Uint8Array(Buffer.concat([...locals, centralBytes, end]));
}

const CONTENT_TYPES =
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`;
const RELS =
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`;
const WORKBOOK =
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>`;
const WORKBOOK_RELS =
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`;

/**
 * A one-sheet .xlsx whose sheet XML is `sheetData` (the `<row>`s); `extra` parts are added; the
 * sheet is listed `sheetCopies` times, and `declaredSize` is the size the zip claims for it (a lie).
 */
export function buildXlsx(
  sheetData: string,
  extra: readonly ZipPart[] = [],
  sheetCopies = 1,
  declaredSize?: number,
): Uint8Array {
  const sheet =
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${sheetData}</sheetData></worksheet>`;
  return buildZip([
    { name: "[Content_Types].xml", data: CONTENT_TYPES },
    { name: "_rels/.rels", data: RELS },
    { name: "xl/workbook.xml", data: WORKBOOK },
    { name: "xl/_rels/workbook.xml.rels", data: WORKBOOK_RELS },
    { name: "xl/worksheets/sheet1.xml", data: sheet, copies: sheetCopies, declaredSize },
    ...extra,
  ]);
}

/** The width bomb: a daily-report header, then `rows` rows each with a cell in column XFD (16,384). */
export function widthBomb(rows = 7000): Uint8Array {
  const header =
    `<row r="1"><c r="A1" t="inlineStr"><is><t>JH</t></is></c><c r="B1" t="inlineStr"><is><t>RQ</t></is></c></row>`;
  let body = "";
  for (let r = 2; r <= rows + 1; r++) body += `<row r="${r}"><c r="XFD${r}"><v>1</v></c></row>`;
  return buildXlsx(header + body);
}

const bigSheet = (megabytes: number) =>
  `<row r="1"><c r="A1" t="inlineStr"><is><t>JH${
    " ".repeat(megabytes * 1024 * 1024)
  }</t></is></c></row>`;

/** A small .xlsx whose sheet inflates to about `megabytes` MB; `declaredSize`: the size it claims. */
export function inflationBomb(megabytes: number, declaredSize?: number): Uint8Array {
  return buildXlsx(bigSheet(megabytes), [], 1, declaredSize);
}

/** An overlap bomb: one deflated part listed `copies` times, each claiming `declaredSize` bytes (default 1 KiB, a lie). */
export function overlapBomb(megabytes: number, copies: number, declaredSize = 1024): Uint8Array {
  return buildXlsx(bigSheet(megabytes), [], copies, declaredSize);
}
