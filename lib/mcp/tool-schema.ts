/** Languages of what the model reads: Chinese only, or Chinese then English. */
export const TOOL_LANGUAGES = ["zh", "zh-en"] as const;
/** A language of tool descriptions (config TOOL_LANGUAGE). */
export type ToolLanguage = (typeof TOOL_LANGUAGES)[number];

/** Keys a model never needs: validation the server repeats, and JSON Schema bookkeeping. */
const DROPPED = new Set([
  "$schema",
  "minLength",
  "maxLength",
  "minItems",
  "maxItems",
  "additionalProperties",
]);

/** A bound that only guards the server (a page offset of a million, a depth of 20 km): the model never comes near it. */
function guardOnly(key: string, value: unknown): boolean {
  return (key === "maximum" && typeof value === "number" && value >= 10_000) ||
    (key === "minimum" && value === 0);
}

/**
 * The text in `language`: descriptions are written `中文 / English`; `zh` keeps the part before the
 * first ` / `, `zh-en` all of it.
 */
export function inLanguage(text: string, language: ToolLanguage): string {
  if (language === "zh-en") return text;
  const at = text.indexOf(" / ");
  return at < 0 ? text : text.slice(0, at).trimEnd();
}

function isNull(schema: unknown): boolean {
  return typeof schema === "object" && schema !== null &&
    (schema as Record<string, unknown>).type === "null";
}

/**
 * An input JSON Schema as the model should read it: descriptions in `language`, no keys it does
 * not need, and an optional value that also takes null listed with its own type (LibreChat makes
 * every optional property nullable anyway; the tool description says where null clears a field).
 */
export function leanSchema(schema: unknown, language: ToolLanguage): unknown {
  if (Array.isArray(schema)) return schema.map((s) => leanSchema(s, language));
  if (typeof schema !== "object" || schema === null) return schema;
  const source = schema as Record<string, unknown>;
  const options = Array.isArray(source.anyOf) ? source.anyOf : null;
  if (options && options.length === 2 && options.some(isNull)) {
    const { anyOf: _nullable, ...outer } = source;
    return leanSchema({ ...(options.find((o) => !isNull(o)) as object), ...outer }, language);
  }
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(source)) {
    if (
      DROPPED.has(key) || guardOnly(key, value) ||
      (typeof value === "number" && Math.abs(value) >= Number.MAX_SAFE_INTEGER)
    ) continue;
    if (key === "type" && Array.isArray(value) && value.includes("null") && value.length === 2) {
      out[key] = value.find((t) => t !== "null");
      continue;
    }
    if (key === "description" && typeof value === "string") out[key] = inLanguage(value, language);
    else if (key === "properties" && value && typeof value === "object") {
      out[key] = Object.fromEntries(
        Object.entries(value).map(([name, s]) => [name, leanSchema(s, language)]),
      );
    } else out[key] = leanSchema(value, language);
  }
  return out;
}
