import { configSchema, Constants } from "librechat-data-provider";
import { parse } from "yaml";

/** The parts of a zod error we print. */
interface Issue {
  path: (string | number)[];
  message: string;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Paths of keys present in `input` but dropped by the schema: zod strips unknown nested keys. */
function droppedKeys(input: unknown, output: unknown, path: string): string[] {
  if (Array.isArray(input) && Array.isArray(output)) {
    return input.flatMap((item, i) => droppedKeys(item, output[i], `${path}[${i}]`));
  }
  if (!isPlainObject(input) || !isPlainObject(output)) return [];
  return Object.keys(input).flatMap((key) => {
    const at = path ? `${path}.${key}` : key;
    if (!(key in output)) {
      return [`${at}: unknown key "${key}" (LibreChat would ignore it silently)`];
    }
    return droppedKeys(input[key], output[key], at);
  });
}

/**
 * Checks a librechat.yaml text (or a snippet of one: a missing `version` is filled in) the way
 * LibreChat loads it (`configSchema.strict()`, api/server/services/Config/loadCustomConfig.js),
 * and also reports nested keys the schema silently drops, e.g. a misspelled `requiresOAuth`.
 * Returns the problems found, one line each; none means the config is valid.
 */
export function checkLibreChatConfig(yamlText: string): string[] {
  let doc: unknown;
  try {
    doc = parse(yamlText);
  } catch (error) {
    return [`YAML 无法解析 / cannot parse YAML: ${(error as Error).message}`];
  }
  if (!isPlainObject(doc)) return ["YAML 顶层必须是映射 / the YAML top level must be a mapping"];
  const input = { version: Constants.CONFIG_VERSION, ...doc };
  const result = configSchema.strict().safeParse(input);
  if (!result.success) {
    return (result.error.issues as Issue[]).map((i) =>
      `${i.path.join(".") || "(top)"}: ${i.message}`
    );
  }
  return droppedKeys(input, result.data, "");
}

/** Parses a YAML text into plain data (for reading values in tests). */
export function readYaml(yamlText: string): Record<string, unknown> {
  return parse(yamlText) as Record<string, unknown>;
}
