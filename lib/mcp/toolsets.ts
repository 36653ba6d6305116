/**
 * Toolsets: what an administrator may expose on a deployment (MCP_TOOLS) or an endpoint (`?tools=`), on top of the
 * role map and never widening it. Every tool belongs to exactly one set (test/mcp/toolsets.test.ts checks the registry).
 */
export const TOOLSETS: Readonly<Record<string, readonly string[]>> = {
  /** Reading reports, wells and one's own scope. */
  read: ["query_drilling_data", "list_wells", "get_well_summary", "get_key_well_daily", "get_pre_drilling_milestones", "get_statistics", "get_drilling_activities", "list_access"],
  /** Analyses and charts. */
  analysis: ["analyze_rop", "analyze_npt", "get_drilling_curve", "compare_wells", "compute_mse", "get_period_report"],
  /** Filing and correcting reports, with their history. */
  write: ["add_drilling_record", "update_drilling_record", "save_well", "save_drilling_daily", "save_key_well_daily", "import_data", "get_record_history", "undo_record_change"],
  /** Deleting, exporting, auditing and granting. */
  admin: ["delete_drilling_record", "restore_drilling_record", "purge_drilling_record", "export_all_data", "query_audit_log", "grant_access", "revoke_access"],
};

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
    const set = TOOLSETS[item.toLowerCase()];
    if (set) set.forEach((t) => names.add(t));
    else if (KNOWN.has(item)) names.add(item);
    else throw new Error(`"${item}" 不是工具集或工具名 / is neither a toolset nor a tool: use ${Object.keys(TOOLSETS).join(", ")} or tool names`);
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
