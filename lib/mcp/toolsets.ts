import { TOOLS } from "../tools/index.ts";

/** The toolsets, in the order they are listed: each tool names its own in its definition (`toolset`). */
export const TOOLSET_NAMES = ["read", "analysis", "write", "admin"] as const;

/**
 * A toolset: what an administrator may expose on a deployment (MCP_TOOLS) or an endpoint (`?tools=`), on top of the
 * role map and never widening it. read: reports, wells and one's own scope; analysis: analyses and charts; write:
 * filing and correcting reports, with their history; admin: deleting, exporting, auditing and granting.
 */
export type Toolset = (typeof TOOLSET_NAMES)[number];

/** The tools of each toolset, from the tools' own definitions. */
export const TOOLSETS: Readonly<Record<Toolset, readonly string[]>> = {
  read: toolsOf("read"),
  analysis: toolsOf("analysis"),
  write: toolsOf("write"),
  admin: toolsOf("admin"),
};

function toolsOf(set: Toolset): string[] {
  return TOOLS.filter((tool) => tool.toolset === set).map((tool) => tool.name);
}

/** The tools a deployment or endpoint exposes; null exposes every tool. */
export type ToolFilter = ReadonlySet<string> | null;

const KNOWN = new Set(Object.values(TOOLSETS).flat());

/**
 * Reads `read,analysis` or `read,export_all_data`: toolset names and tool names, comma-separated. Empty: null
 * (everything). Throws naming an unknown entry and what is accepted.
 */
export function parseToolFilter(raw: string): ToolFilter {
  const items = raw.split(",").map((s) => s.trim()).filter(Boolean);
  if (items.length === 0) return null;
  const names = new Set<string>();
  for (const item of items) {
    const set = (TOOLSETS as Readonly<Record<string, readonly string[]>>)[item.toLowerCase()];
    if (set) set.forEach((t) => names.add(t));
    else if (KNOWN.has(item)) names.add(item);
    else {throw new Error(
        `"${item}" 不是工具集或工具名 / is neither a toolset nor a tool: use ${
          Object.keys(TOOLSETS).join(", ")
        } or tool names`,
      );}
  }
  return names;
}

/** What both filters expose: an endpoint's `?tools=` only narrows the deployment's MCP_TOOLS. */
export function narrowFilter(outer: ToolFilter, inner: ToolFilter): ToolFilter {
  if (!outer) return inner;
  if (!inner) return outer;
  return new Set([...inner].filter((t) => outer.has(t)));
}

/** True when `filter` exposes `tool`. */
export function exposes(filter: ToolFilter | undefined, tool: string): boolean {
  return !filter || filter.has(tool);
}

/** The refusal of a tool the endpoint does not expose. */
export function notExposedMessage(tool: string): string {
  return `工具 ${tool} 未在此端点开放（MCP_TOOLS 或 ?tools=）：请用 tools/list 查看可用工具 / tool ${tool} is not exposed on this endpoint (MCP_TOOLS or ?tools=): see tools/list`;
}
