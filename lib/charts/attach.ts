/**
 * Charts: chart specs built from answers, the ui:// view (a uPlot page) and its HTML, attached
 * to answers for clients that show them.
 *
 * @module
 */
import type { ExtraContent, ToolAnswer } from "../call/define-tool.ts";
import type { ChartsMode } from "./forms.ts";
import { sendsApps, sendsInline } from "./forms.ts";
import { CHART_MIME_INLINE, renderChartHtml } from "./html.ts";
import type { ChartSpec } from "./spec.ts";

/** An MCP-UI resource block (LibreChat renders it in the chat): one chart, data inside. */
export function inlineChartBlock(tool: string, index: number, spec: ChartSpec): ExtraContent {
  return {
    type: "resource",
    resource: {
      uri: `ui://oilfield/${tool}/chart-${index + 1}.html`,
      mimeType: CHART_MIME_INLINE,
      text: renderChartHtml(spec),
    },
  };
}

/**
 * Turns the charts of a tool's answer into the forms `mode` asks for: an inline MCP-UI resource
 * per chart after the text, and/or `structured.charts` for the MCP Apps view. The charts come
 * from the answer itself, so they show exactly the rows the caller was allowed to read.
 */
export function attachCharts<O>(
  answer: ToolAnswer<O>,
  mode: ChartsMode,
  tool: string,
): ToolAnswer<O> {
  const { charts, ...rest } = answer;
  if (!charts || charts.length === 0 || mode === "off") return rest;
  const extra = [
    ...(rest.extra ?? []),
    ...(sendsInline(mode) ? charts.map((c, i) => inlineChartBlock(tool, i, c)) : []),
  ];
  const structured = sendsApps(mode)
    ? { ...(rest.structured as object), charts } as O
    : rest.structured;
  return { ...rest, structured, ...(extra.length ? { extra } : {}) };
}
