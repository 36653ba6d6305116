import { z } from "zod";
import type { ChartsMode } from "../charts/forms.ts";
import { CHARTS_OUTPUT_SCHEMA, chartToolMeta, sendsApps } from "../charts/forms.ts";
import type { Role } from "../config/config.ts";
import { ROLES } from "../config/config.ts";
import { canCall, rolesFor } from "../permissions.ts";
import type { ToolLanguage } from "./tool-schema.ts";
import { exposes } from "./toolsets.ts";
import type { ToolFilter } from "./toolsets.ts";
import { inLanguage, leanSchema } from "./tool-schema.ts";
import type { ToolAnnotations, ToolDef } from "../call/define-tool.ts";

/** A JSON Schema whose root is an object, as MCP requires of a tool's input and output schemas. */
export type ObjectSchema = { readonly type: "object"; readonly [key: string]: unknown };

/** A tool as `tools/list` shows it: JSON Schemas, computed once, when a list first needs the tool. */
export interface ToolListing {
  readonly name: string;
  readonly title: string;
  readonly description: string;
  readonly inputSchema: ObjectSchema;
  readonly outputSchema: ObjectSchema;
  readonly annotations: ToolAnnotations;
  /** MCP Apps: the chart view a chart tool's results are drawn in. */
  readonly _meta?: Record<string, unknown>;
}

/** The tools with their listings made once per tool and kept per role, so no two requests convert a schema. */
export interface ToolRegistry {
  readonly all: readonly ToolDef[];
  get(name: string): ToolDef | undefined;
  /** The listings `role` may see (empty for null), limited to what `tools` exposes. */
  listFor(role: Role | null, tools?: ToolFilter): readonly ToolListing[];
  /**
   * `listFor(role, tools)` as UTF-8 JSON (the `tools` array of a `tools/list` result), serialized once per
   * (role, exposed tools) and kept: the lists are over 100 KB and the same for every such request.
   */
  listJson(role: Role | null, tools?: ToolFilter): Uint8Array;
  /** Every listing with the roles that may call it, for `GET /mcp/tools`. */
  catalogue(): readonly (ToolListing & { roles: Role[] })[];
}

/**
 * Most serialized lists kept for endpoint filters (`?tools=` comes from the client, so its
 * combinations are the client's to choose): past it the oldest is dropped and made again when asked.
 */
export const LIST_JSON_CACHE_MAX = 32;

function jsonSchema(schema: z.ZodType, io: "input" | "output"): ObjectSchema {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, {
    io,
    target: "draft-7",
    unrepresentable: "any",
  }) as Record<string, unknown>;
  // MCP lists a tool's schemas with an object root; a tool defined otherwise is a bug (test/mcp lists every tool).
  if (rest.type !== "object") {
    throw new Error(`tool schema (${io}) must be an object, got type "${String(rest.type)}"`);
  }
  return { ...rest, type: "object" };
}

function outputSchema(t: ToolDef, apps: boolean): ObjectSchema {
  const schema = jsonSchema(t.output, "output");
  if (!apps || !t.charts) return schema;
  return {
    ...schema,
    properties: { ...(schema.properties as object), charts: CHARTS_OUTPUT_SCHEMA },
  };
}

/** Options of {@link createToolRegistry}. */
export interface RegistryOptions {
  /** Chart forms (default both): whether chart tools declare the MCP Apps view. */
  readonly charts?: ChartsMode;
  /** Language of descriptions the model reads (default zh). */
  readonly language?: ToolLanguage;
}

/** Builds the registry; throws at start-up on a duplicate tool name. */
export function createToolRegistry(
  tools: readonly ToolDef[],
  opts: RegistryOptions = {},
): ToolRegistry {
  const apps = sendsApps(opts.charts ?? "both");
  const language = opts.language ?? "zh";
  const byName = new Map<string, ToolDef>();
  for (const tool of tools) {
    if (byName.has(tool.name)) throw new Error(`duplicate tool name "${tool.name}"`);
    byName.set(tool.name, tool);
  }
  // Each tool's JSON Schemas are made when a list first needs that tool, once, not at start-up:
  // converting every schema was the largest part of a start's CPU time (`--cpu-prof`).
  const made = new Map<string, ToolListing>();
  const listing = (t: ToolDef): ToolListing => {
    let l = made.get(t.name);
    if (!l) {
      l = {
        name: t.name,
        title: t.title,
        description: inLanguage(t.description, language),
        inputSchema: {
          ...(leanSchema(
            (t.listInput ?? ((s) => s))(jsonSchema(t.input, "input")),
            language,
          ) as Record<string, unknown>),
          type: "object",
        },
        outputSchema: outputSchema(t, apps),
        annotations: { title: t.title, ...t.annotations },
        ...(apps && t.charts ? { _meta: chartToolMeta() } : {}),
      };
      made.set(t.name, l);
    }
    return l;
  };
  const perRole = new Map<Role, ToolListing[]>();
  const listFor = (role: Role | null, filter?: ToolFilter): readonly ToolListing[] => {
    if (!role || !ROLES.includes(role)) return [];
    let mine = perRole.get(role);
    if (!mine) perRole.set(role, mine = tools.filter((t) => canCall(role, t.name)).map(listing));
    return filter ? mine.filter((l) => exposes(filter, l.name)) : mine;
  };
  let catalogue: (ToolListing & { roles: Role[] })[] | undefined;
  const encoder = new TextEncoder();
  const json = new Map<string, Uint8Array>();
  return {
    all: tools,
    get: (name) => byName.get(name),
    listFor,
    listJson: (role, filter) => {
      // The key names the tools a filter exposes (in a fixed order), so equal filters share an entry.
      const key = `${role ?? ""}|${filter ? [...filter].sort().join(",") : "*"}`;
      let bytes = json.get(key);
      if (!bytes) {
        bytes = encoder.encode(JSON.stringify(listFor(role, filter)));
        if (json.size >= LIST_JSON_CACHE_MAX + ROLES.length + 1) {
          json.delete(json.keys().next().value as string);
        }
        json.set(key, bytes);
      }
      return bytes;
    },
    catalogue: () => (catalogue ??= tools.map((t) => ({ ...listing(t), roles: rolesFor(t.name) }))),
  };
}
