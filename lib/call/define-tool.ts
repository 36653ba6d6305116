import type { z } from "zod";
import type { ChartSpec } from "../charts/spec.ts";
import type { Role } from "../config/config.ts";
import type { Db } from "../db/db.ts";
import type { User } from "../identity/identity.ts";
import type { Logger } from "../observability/log.ts";
import type { ToolGroup } from "../permissions.ts";
import type { Toolset } from "../mcp/toolsets.ts";
import type { DataScope } from "../scope/data-scope.ts";

/** What a tool may use while it runs: the caller and the server's parts. */
export interface ToolContext {
  /** The database as the caller may see it: limited to their data scope (lib/scope/scoped-db.ts). */
  readonly db: Db;
  /** The caller's data scope, resolved once for this call. */
  readonly scope: DataScope;
  /** The roles configured to see only their grants (SCOPED_ROLES). */
  readonly scopedRoles: readonly Role[];
  readonly user: User;
  /**
   * Whether the caller's role holds an access group (lib/permissions.ts), for what a tool lets some callers do more
   * of, e.g. undo another's change: tools ask this, never the role's name.
   */
  readonly hasGroup: (group: ToolGroup) => boolean;
  readonly log: Logger;
  /** The clock (tests fix it). */
  readonly now: () => Date;
  /** IANA time zone in which relative date words are read (config TIME_ZONE). */
  readonly timeZone: string;
  /** Reports how far a long tool has got, when the caller asked for progress (MCP `progressToken`). */
  readonly progress?: ProgressNotifier;
}

/** Reports `done` of `total` units of work with a short bilingual message. */
export type ProgressNotifier = (done: number, total: number, message: string) => void;

/** MCP tool annotations (hints for clients). */
export interface ToolAnnotations {
  readonly title?: string;
  readonly readOnlyHint?: boolean;
  readonly destructiveHint?: boolean;
  readonly idempotentHint?: boolean;
  readonly openWorldHint?: boolean;
}

/** A content block beside the text rendering (e.g. an embedded chart resource). */
export type ExtraContent = Record<string, unknown> & { type: string };

/** A tool's answer: structured content matching its output schema, and a text rendering. */
export interface ToolAnswer<O> {
  readonly structured: O;
  readonly text: string;
  readonly extra?: readonly ExtraContent[];
  /** Charts of this answer, built from `structured`; the call pipeline sends them as config CHARTS says. */
  readonly charts?: readonly ChartSpec[];
}

/**
 * A tool's access group (who may call it: lib/permissions.ts grants groups to roles) with the annotations that group
 * allows. `read` and `scope` tools are read-only, as every role holds those groups; `write` and `save` tools change
 * data and say whether destructively (MCP reads a missing `destructiveHint` as true); `history` and `admin` hold both.
 * So a tool without a group, or whose hints contradict it, does not compile.
 */
export type GroupedAnnotations =
  | {
    readonly group: Extract<ToolGroup, "read" | "scope">;
    readonly annotations: ToolAnnotations & {
      readonly readOnlyHint: true;
      readonly destructiveHint?: false;
    };
  }
  | {
    readonly group: Extract<ToolGroup, "write" | "save">;
    readonly annotations: ToolAnnotations & {
      readonly readOnlyHint: false;
      readonly destructiveHint: boolean;
    };
  }
  | {
    readonly group: Extract<ToolGroup, "history" | "admin">;
    readonly annotations: ToolAnnotations & { readonly readOnlyHint: boolean };
  };

/** One tool: name, bilingual description, zod input/output schemas, access group with annotations, and handler. */
export type ToolDef<I extends z.ZodObject = z.ZodObject, O extends z.ZodObject = z.ZodObject> =
  & ToolBody<I, O>
  & GroupedAnnotations;

/** What every tool has besides its group and annotations. */
interface ToolBody<I extends z.ZodObject = z.ZodObject, O extends z.ZodObject = z.ZodObject> {
  readonly name: string;
  readonly title: string;
  /**
   * `中文说明。 / English.`: what the tool is for and when to use it, once. The listing keeps the part before the first
   * ` / ` under TOOL_LANGUAGE=zh (the default), all of it under zh-en; parameter descriptions follow the same rule.
   */
  readonly description: string;
  readonly input: I;
  /**
   * Rewrites the input JSON Schema before it is listed, when the zod one would be too long for the model (e.g. a
   * record's fields described once in a line instead of one property each); `input` still validates every call.
   */
  readonly listInput?: (schema: Record<string, unknown>) => Record<string, unknown>;
  readonly output: O;
  /** The toolset an administrator exposes it with (MCP_TOOLS, `?tools=`): lib/mcp/toolsets.ts. */
  readonly toolset: Toolset;
  /** Largest arguments as UTF-8 JSON bytes, when not MAX_ARGUMENT_BYTES (lib/call/limits.ts). */
  readonly maxArgumentBytes?: number;
  /** The answers carry charts: the listing declares the MCP Apps chart view. */
  readonly charts?: boolean;
  run(args: z.infer<I>, ctx: ToolContext): Promise<ToolAnswer<z.infer<O>>>;
}

/** Declares a tool with its types inferred from the schemas. */
export function defineTool<I extends z.ZodObject, O extends z.ZodObject>(
  def: ToolDef<I, O>,
): ToolDef<I, O> {
  return def;
}

/** Annotations of a tool that changes or deletes stored records and gives the same result when repeated. */
export const IDEMPOTENT_CHANGE = {
  readOnlyHint: false,
  destructiveHint: true,
  idempotentHint: true,
  openWorldHint: false,
} as const;

/** Annotations of a tool that changes or deletes stored records once: repeating it fails or differs. */
export const ONE_TIME_CHANGE = { ...IDEMPOTENT_CHANGE, idempotentHint: false } as const;

/** What a plain read tool declares: readable by every role, read-only, in the `read` toolset. */
export const READ_TOOL = {
  group: "read",
  toolset: "read",
  annotations: { readOnlyHint: true, openWorldHint: false },
} as const;
