import { safeJson } from "../audit/bound.ts";
import type { ToolAnswer } from "./define-tool.ts";

/** Largest tool arguments accepted, as UTF-8 JSON bytes (the body limit MAX_BODY_BYTES applies before this). */
export const MAX_ARGUMENT_BYTES = 64 * 1024;
/**
 * import_data's own argument limit: a whole file rides in its arguments, so the request body
 * limit (MAX_BODY_BYTES, 4 MiB by default, at most 256 MiB) is what bounds it, not 64 KiB.
 */
export const IMPORT_ARGUMENT_BYTES = 256 * 1024 * 1024;
/** Largest tool result returned (structured content, text and attachments together, UTF-8 JSON bytes). */
export const MAX_RESULT_BYTES = 8 * 1024 * 1024;

const utf8 = (text: string) => new TextEncoder().encode(text).byteLength;

/** A refusal message when `args` exceed `limit` (the tool's, else {@link MAX_ARGUMENT_BYTES}); null when they fit. */
export function argumentsTooLarge(args: unknown, limit = MAX_ARGUMENT_BYTES): string | null {
  const bytes = utf8(safeJson(args));
  if (bytes <= limit) return null;
  return `参数过大：${bytes} 字节，上限 ${limit} 字节，请缩短文本或分批提交 / arguments too large: ${bytes} bytes, ` +
    `the limit is ${limit} bytes: shorten the text or send it in several calls`;
}

/** A message saying how to narrow the call when its answer exceeds {@link MAX_RESULT_BYTES}; null when it fits. */
export function resultTooLarge(tool: string, answer: ToolAnswer<unknown>): string | null {
  const parts = [safeJson(answer.structured), answer.text, safeJson(answer.extra ?? [])];
  // A UTF-16 code unit is at most 3 UTF-8 bytes: most answers fit by that bound without encoding them.
  if (parts.reduce((n, p) => n + p.length, 0) * 3 <= MAX_RESULT_BYTES) return null;
  const bytes = parts.reduce((n, p) => n + utf8(p), 0);
  if (bytes <= MAX_RESULT_BYTES) return null;
  return `工具 "${tool}" 的结果过大：约 ${bytes} 字节，上限 ${MAX_RESULT_BYTES} 字节。请缩小范围：减小 limit 或 max_rows、` +
    `按井号或日期范围筛选、用 offset 翻页；整表请用 GET /export/drilling_daily.csv 流式下载 / the result of "${tool}" is too large: ` +
    `about ${bytes} bytes, the limit is ${MAX_RESULT_BYTES} bytes. Narrow it down: a smaller limit or max_rows, a well or a date range, ` +
    "paging with offset; for a whole table use the streaming download GET /export/drilling_daily.csv";
}
