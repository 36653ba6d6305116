import { Buffer } from "node:buffer";
import { readCampaignJsonl } from "./campaign-jsonl.ts";
import { readDrillReports } from "./drill-report.ts";
import { ReportFileError } from "./report-day.ts";
import type { ReportDay } from "./report-day.ts";

/** Largest drillReport or campaign file read (bytes or characters); a daily report is ≈20 KB, a campaign ≈500 KB. */
export const MAX_REPORT_FILE = 8 * 1024 * 1024;

/** A file handed to the report importer: bytes from disk, or text from a tool call. */
export interface ReportFile {
  readonly name: string;
  readonly bytes?: Uint8Array;
  readonly text?: string;
}

/** Whether a file is one the report importer reads: `.xml`/`.jsonl` by name, or XML by its first bytes. */
export function isReportFile(name: string, head?: Uint8Array | string): boolean {
  if (/\.(xml|jsonl)$/i.test(name)) return true;
  if (head === undefined) return false;
  const start = typeof head === "string"
    ? head.slice(0, 64)
    : new TextDecoder("latin1").decode(head.subarray(0, 64));
  return /^(\uFEFF|ï»¿)?\s*<(\?xml|[A-Za-z_])/.test(start);
}

// The declaration is ASCII in every encoding a WITSML writer uses, so it can be read before decoding.
function decodeXml(bytes: Uint8Array, name: string): string {
  if (bytes[0] === 0xfe || bytes[0] === 0xff || bytes[0] === 0) {
    throw new ReportFileError(
      name,
      "(document)",
      1,
      "不支持 UTF-16 编码",
      "UTF-16 is not read: save it as UTF-8 or ISO-8859-1",
    );
  }
  const head = new TextDecoder("latin1").decode(bytes.subarray(0, 200));
  const declared =
    /^(?:\uFEFF|ï»¿)?<\?xml[^>]*encoding\s*=\s*["']([A-Za-z0-9._-]+)["']/.exec(head)?.[1]
      ?.toLowerCase() ?? "utf-8";
  if (declared === "iso-8859-1" || declared === "latin1" || declared === "iso8859-1") {
    return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("latin1");
  }
  if (declared === "utf-8" || declared === "utf8" || declared === "us-ascii") {
    try {
      return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    } catch {
      throw new ReportFileError(
        name,
        "(document)",
        null,
        "声明为 UTF-8 但字节不是有效的 UTF-8",
        "declared UTF-8 but its bytes are not valid UTF-8",
      );
    }
  }
  throw new ReportFileError(
    name,
    "<?xml?>",
    1,
    `不支持的编码 "${declared}"`,
    `unsupported encoding "${declared}": UTF-8 and ISO-8859-1 are read`,
  );
}

/** Reads one drillReport XML or campaign JSONL file into report days; a ReportFileError names the file and the element. */
export function readReportFile(file: ReportFile): ReportDay[] {
  const size = file.bytes?.byteLength ?? file.text?.length ?? 0;
  if (size > MAX_REPORT_FILE) {
    throw new ReportFileError(
      file.name,
      "(file)",
      null,
      `文件过大：${size}，上限 ${MAX_REPORT_FILE}`,
      `file too large: ${size}, the limit is ${MAX_REPORT_FILE}`,
    );
  }
  const jsonl = /\.jsonl$/i.test(file.name);
  let text: string;
  if (file.text !== undefined) text = file.text;
  else if (jsonl) {
    try {
      text = new TextDecoder("utf-8", { fatal: true }).decode(file.bytes!);
    } catch {
      throw new ReportFileError(file.name, "(file)", null, "不是有效的 UTF-8", "not valid UTF-8");
    }
  } else text = decodeXml(file.bytes!, file.name);
  return jsonl ? readCampaignJsonl(text, file.name) : readDrillReports(text, file.name);
}
