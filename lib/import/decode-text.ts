import iconv from "iconv-lite";
import { Buffer } from "node:buffer";

/** Decoded CSV text and the encoding it was read as. */
export interface DecodedText {
  readonly text: string;
  readonly encoding: "utf-8" | "gb18030";
}

/**
 * Decodes file bytes: valid UTF-8 (with or without BOM) is read as UTF-8,
 * anything else as GB18030, which covers GBK and GB2312 (Chinese Excel's CSV default).
 */
export function decodeText(bytes: Uint8Array): DecodedText {
  try {
    const text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
    return { text, encoding: "utf-8" };
  } catch {
    return { text: iconv.decode(toBuffer(bytes), "gb18030"), encoding: "gb18030" };
  }
}

/** A Buffer view over the same memory (no copy). */
function toBuffer(bytes: Uint8Array): Buffer {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}
