/** Largest arguments text kept in one audit row, bytes (UTF-8). */
export const AUDIT_ARGUMENTS_MAX_BYTES = 4096;

/** Arguments as stored in the audit log: JSON text cut to a size bound, and the full size. */
export interface BoundedJson {
  readonly text: string;
  /** UTF-8 bytes of the whole JSON text (before cutting). */
  readonly bytes: number;
  readonly truncated: boolean;
}

/** JSON text of `value`, or a marker when it cannot be serialised (too deep, cyclic). Never throws. */
export function safeJson(value: unknown): string {
  try {
    return JSON.stringify(value) ?? "null";
  } catch (error) {
    return JSON.stringify({ unserialisable: (error as Error)?.message ?? String(error) });
  }
}

/**
 * `value` as JSON of at most `maxBytes` UTF-8 bytes; a longer text is cut and ends
 * with the marker `…[truncated, N bytes]` (the marker is outside the bound).
 */
export function boundJson(value: unknown, maxBytes = AUDIT_ARGUMENTS_MAX_BYTES): BoundedJson {
  const text = safeJson(value);
  const encoded = new TextEncoder().encode(text);
  if (encoded.byteLength <= maxBytes) return { text, bytes: encoded.byteLength, truncated: false };
  // A cut may split a character; the decoder turns its remains into U+FFFD, which we drop.
  const decoded = new TextDecoder().decode(encoded.subarray(0, maxBytes));
  let end = decoded.length;
  while (end > 0 && decoded[end - 1] === "\uFFFD") end--; // a loop: /\uFFFD+$/ is quadratic on a long run
  const head = decoded.slice(0, end);
  return {
    text: `${head}…[truncated, ${encoded.byteLength} bytes]`,
    bytes: encoded.byteLength,
    truncated: true,
  };
}
