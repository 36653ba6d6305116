// deno-lint-ignore-file no-window -- browser code: it runs in the chart's iframe, where `window` is the page
// Entry point of the browser bundle. <html data-mode="inline"> reads the chart embedded in the
// page; data-mode="app" waits for the MCP Apps host to hand over the tool result.
import { connectToHost } from "./bridge.ts";
import { mountChart, mountCharts, type MountedChart, showMessage } from "./mount.ts";

type ChartWindow = Window & { __chart?: MountedChart; __charts?: MountedChart[] };

function sendSizeToMcpUi(): void {
  // MCP-UI hosts (LibreChat) resize the iframe on this message when autoResizeIframe is on.
  if (window.parent === window) return;
  let last = -1;
  new ResizeObserver(() => {
    const height = Math.ceil(document.body.getBoundingClientRect().height);
    if (height === last) return;
    last = height;
    window.parent.postMessage({ type: "ui-size-change", payload: { height } }, "*");
  }).observe(document.body);
}

function start(): void {
  const root = document.getElementById("root") as HTMLElement;
  const win = window as ChartWindow;
  if (document.documentElement.dataset.mode !== "app") {
    const raw = document.getElementById("chart-data")?.textContent ?? "null";
    win.__chart = mountChart(root, JSON.parse(raw));
    win.__charts = win.__chart ? [win.__chart] : [];
    sendSizeToMcpUi();
    return;
  }
  showMessage(root, "正在等待数据… / waiting for the tool result…", "waiting");
  connectToHost({
    onToolResult: (result) => {
      const content = result.structuredContent as { chart?: unknown; charts?: unknown } | undefined;
      // structuredContent.charts (the server's tools) or a single structuredContent.chart.
      const specs = Array.isArray(content?.charts)
        ? content.charts
        : content?.chart !== undefined
        ? [content.chart]
        : [];
      if (result.isError || specs.length === 0) {
        showMessage(
          root,
          "工具结果中没有图表 / the tool result carries no chart (structuredContent.charts)",
          "error",
        );
        return;
      }
      for (const chart of win.__charts ?? []) chart.destroy();
      win.__charts = mountCharts(root, specs);
      win.__chart = win.__charts[0];
    },
    onTheme: (theme) => {
      document.documentElement.dataset.theme = theme;
    },
    onStop: (text) => showMessage(root, text, "error"),
  });
}

start();
