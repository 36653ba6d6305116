import { CHART_VIEW_CSS, CHART_VIEW_JS } from "./assets.generated.ts";
import { checkChartSpec } from "./check.ts";
import type { ChartSpec } from "./spec.ts";
import { bilingualLabel } from "./spec.ts";

/** MIME type of an MCP-UI HTML resource (LibreChat): the chart data is inside the document. */
export const CHART_MIME_INLINE = "text/html";

/** MIME type of an MCP Apps view: the host loads it once and hands it each tool result. */
export const CHART_MIME_APP = "text/html;profile=mcp-app";

/** Colour scheme of a chart document; "auto" follows prefers-color-scheme. */
export type ChartTheme = "light" | "dark" | "auto";

// Blocks every fetch the page could make (scripts, styles, fonts, images, XHR), not just ours.
const CSP =
  "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:";

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** JSON that is safe inside <script>: no "<" can close the element, no U+2028 can end a line. */
function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(
    /[<>&\u2028\u2029]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`,
  );
}

function page(
  mode: "inline" | "app",
  title: string,
  theme: ChartTheme,
  dataScript: string,
): string {
  const themeAttr = theme === "auto" ? "" : ` data-theme="${theme}"`;
  return `<!doctype html>
<html lang="zh-CN" data-mode="${mode}"${themeAttr}>
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${CSP}">
<title>${escapeHtml(title)}</title>
<style>${CHART_VIEW_CSS}</style>
</head>
<body>
<div id="root"></div>
${dataScript}<script>${CHART_VIEW_JS}</script>
</body>
</html>
`;
}

/**
 * A complete, self-contained HTML document drawing one chart (MCP-UI form, mimeType
 * CHART_MIME_INLINE): data embedded, uPlot and the view code inlined, no network access.
 * Throws a bilingual error when the spec cannot be drawn.
 */
export function renderChartHtml(spec: ChartSpec, opts?: { theme?: ChartTheme }): string {
  const checked = checkChartSpec(spec);
  const data = `<script type="application/json" id="chart-data">${scriptJson(checked)}</script>\n`;
  return page("inline", bilingualLabel(checked.title), opts?.theme ?? "auto", data);
}

/**
 * The MCP Apps view document (mimeType CHART_MIME_APP): the same drawing code, waiting for the
 * host's ui/notifications/tool-result and drawing its `structuredContent.chart` (a ChartSpec).
 * Follows the host's theme when it sends one, else prefers-color-scheme.
 */
export function appViewHtml(): string {
  return page("app", "钻井图表 Drilling chart", "auto", "");
}
