import { argumentsTooLarge } from "./limits.ts";

/** Why arguments were refused before schema validation. */
export interface Screened {
  readonly outcome: "too_large" | "invalid";
  readonly message: string;
}

/** The path (`a.b.0`) of the first string holding a NUL character, walking iteratively (no recursion limit); null when none. */
export function nulStringPath(value: unknown): string | null {
  const stack: [unknown, string][] = [[value, ""]];
  while (stack.length) {
    const [v, path] = stack.pop() as [unknown, string];
    if (typeof v === "string") {
      if (v.includes("\u0000")) return path || "(arguments)";
    } else if (v && typeof v === "object") {
      for (const [k, child] of Object.entries(v)) {
        if (k.includes("\u0000")) return path ? `${path}.${k}` : k;
        stack.push([child, path ? `${path}.${k}` : k]);
      }
    }
  }
  return null;
}

/**
 * Checks arguments before the tool's schema sees them: size (too_large) and NUL
 * characters (invalid: SQLite stores them but reads text back cut at the first
 * NUL, so accepting one would silently lose data). `maxBytes`: the tool's own limit, else
 * MAX_ARGUMENT_BYTES. Null when they pass.
 */
export function screenArguments(args: unknown, maxBytes?: number): Screened | null {
  const tooLarge = argumentsTooLarge(args, maxBytes);
  if (tooLarge) return { outcome: "too_large", message: tooLarge };
  const nul = nulStringPath(args);
  if (nul !== null) {
    const field = nul.replaceAll("\u0000", "\\u0000");
    return {
      outcome: "invalid",
      message:
        `参数无效："${field}" 含有 NUL 字符 (\\u0000)，请删除后重试 / invalid arguments: "${field}" contains a NUL character (\\u0000): remove it and retry`,
    };
  }
  return null;
}
