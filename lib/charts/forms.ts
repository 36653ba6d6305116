/** Which chart forms the chart tools send (config CHARTS). */
export type ChartsMode = "inline" | "apps" | "both" | "off";

/** The one MCP Apps view every chart tool declares; it draws `structuredContent.charts`. */
export const CHART_APP_URI = "ui://oilfield/charts/view.html";

/** True when MCP-UI resources go inline into tool results. */
export function sendsInline(mode: ChartsMode): boolean {
  return mode === "inline" || mode === "both";
}

/** True when chart tools declare the MCP Apps view and put their charts in structuredContent. */
export function sendsApps(mode: ChartsMode): boolean {
  return mode === "apps" || mode === "both";
}

/** `_meta` of a chart tool's listing: the view's URI, nested (current spec) and flat (older hosts). */
export function chartToolMeta(): Record<string, unknown> {
  return { ui: { resourceUri: CHART_APP_URI }, "ui/resourceUri": CHART_APP_URI };
}

/** JSON Schema of `structuredContent.charts`, added to a chart tool's output schema in apps mode. */
export const CHARTS_OUTPUT_SCHEMA: Record<string, unknown> = {
  type: "array",
  items: {
    type: "object",
    properties: { kind: { type: "string", enum: ["depth_curve", "bar"] } },
    required: ["kind"],
  },
  description:
    "图表（供 MCP Apps 视图绘制，数据与上面各字段相同）charts for the MCP Apps view, drawn from the same data as the fields above",
};
