import type { ToolListing } from "../mcp/registry.ts";
import { CHART_APP_URI } from "./forms.ts";
import { appViewHtml, CHART_MIME_APP } from "./html.ts";

/** A `resources/list` entry. */
export type ResourceListing = {
  uri: string;
  name: string;
  title: string;
  description: string;
  mimeType: string;
};

/** A `resources/read` content item. */
export type ResourceContent = {
  uri: string;
  mimeType: string;
  text: string;
  _meta: Record<string, unknown>;
};

/**
 * The `ui://` resources a caller may see: the MCP Apps chart view when at least one tool in the
 * caller's listing declares it (so a role without chart tools, or CHARTS=inline|off, lists none).
 */
export function chartResourcesFor(listings: readonly ToolListing[]): ResourceListing[] {
  const declared = listings.some((l) =>
    (l._meta?.ui as { resourceUri?: string } | undefined)?.resourceUri === CHART_APP_URI
  );
  if (!declared) return [];
  return [{
    uri: CHART_APP_URI,
    name: "oilfield-charts",
    title: "钻井图表 Drilling charts",
    description:
      "钻井曲线、钻速、非生产时间、井对比与周期报告的图表视图（MCP Apps）/ chart view for drilling curves, ROP, NPT, well comparisons and period reports (MCP Apps)",
    mimeType: CHART_MIME_APP,
  }];
}

/** The content of `uri` for this caller, or null when the caller has no such resource. */
export function readChartResource(
  uri: string,
  listings: readonly ToolListing[],
): ResourceContent[] | null {
  if (!chartResourcesFor(listings).some((r) => r.uri === uri)) return null;
  // Self-contained: no connect, script or frame origins needed, so the CSP the host builds can stay empty.
  return [{
    uri,
    mimeType: CHART_MIME_APP,
    text: appViewHtml(),
    _meta: { ui: { prefersBorder: false, csp: { connectDomains: [], resourceDomains: [] } } },
  }];
}
