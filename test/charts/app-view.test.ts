import assert from "node:assert/strict";
import { mkdirSync } from "node:fs";
import { test } from "node:test";
import { fileURLToPath } from "node:url";
import { appViewHtml, renderChartHtml } from "../../lib/charts/html.ts";
import { launchBrowser } from "./chromium.ts";
import { depthDemo } from "./demo.ts";
import { hostPage } from "./host-html.ts";
import { PLOT_STATS, type PlotStats } from "./probe.ts";
import { serveHtml } from "./serve.ts";
import { openTab } from "./tab.ts";

const OUT = fileURLToPath(new URL("../../test-output/charts/", import.meta.url));
const DRAWN =
  `JSON.stringify({ data: window.__chart.plot().data, labels: window.__chart.plot().series.map((s) => s.label) })`;

test("MCP Apps view draws the chart an ext-apps host hands it, in the host's theme", async () => {
  mkdirSync(OUT, { recursive: true });
  const view = appViewHtml();
  assert.ok(Buffer.byteLength(view) < 200 * 1024, `view is ${Buffer.byteLength(view)} bytes`);
  assert.ok(!view.includes('id="chart-data"'), "the view carries no data of its own");
  const spec = depthDemo();
  const toolResult = {
    content: [{ type: "text", text: "钻井进度曲线 / depth vs days" }],
    structuredContent: { chart: spec },
  };
  const server = await serveHtml({
    "/host": await hostPage(toolResult, "dark"),
    "/view": view,
    "/inline": renderChartHtml(spec),
  });
  const browser = await launchBrowser();
  try {
    const tab = await openTab(browser);
    await tab.setColorScheme("light");
    await tab.navigate(server.url("/host"));
    await tab.waitFor(
      `document.documentElement.dataset.chart === "ready"`,
      "the view to draw",
      "/view",
    );
    assert.equal(await tab.evaluate("window.__host.initialized"), true, "the handshake completed");
    assert.deepEqual(
      JSON.parse(await tab.evaluate<string>("JSON.stringify(window.__chart.spec)", "/view")),
      spec,
    );

    await tab.waitFor(
      `document.documentElement.dataset.scheme === "dark"`,
      "the host's dark theme",
      "/view",
    );
    await tab.waitFor(`window.__host.sizes.some((h) => h > 300)`, "a size-changed notification");
    const stats = await tab.evaluate<PlotStats>(PLOT_STATS, "/view");
    assert.ok(
      stats.colours[0].n > 300 && stats.colours[1].n > 300,
      `wells drawn: ${JSON.stringify(stats.colours)}`,
    );
    assert.equal(stats.deepBelowShallow, true);
    await tab.screenshot(`${OUT}app-view-dark.png`);

    await tab.evaluate(`window.__host.setTheme("light")`);
    await tab.waitFor(
      `document.documentElement.dataset.scheme === "light"`,
      "the host's switch to light",
      "/view",
    );
    const drawnByApp = await tab.evaluate<string>(DRAWN, "/view");
    await tab.screenshot(`${OUT}app-view-light.png`);

    const inline = await openTab(browser);
    await inline.navigate(server.url("/inline"));
    await inline.waitFor(`document.documentElement.dataset.chart === "ready"`, "the inline chart");
    assert.equal(
      drawnByApp,
      await inline.evaluate<string>(DRAWN),
      "the app view plots the same data as the inline document",
    );

    const allowed = [server.url("/host"), server.url("/view")];
    assert.ok(tab.requests.includes(server.url("/view")), "the recorder saw the view's request");
    assert.deepEqual(
      tab.requests.filter((u) => !allowed.includes(u) && !u.startsWith("data:")),
      [],
      "no request leaves the page",
    );
    assert.deepEqual(tab.errors, [], "no console error");
    assert.deepEqual(inline.errors, [], "no console error inline");
  } finally {
    await browser.close();
    await server.close();
  }
});

test("MCP Apps view explains a tool result without a chart instead of staying blank", async () => {
  const toolResult = { content: [{ type: "text", text: "无权限 / not allowed" }], isError: true };
  const server = await serveHtml({
    "/host": await hostPage(toolResult, "light"),
    "/view": appViewHtml(),
  });
  const browser = await launchBrowser();
  try {
    const tab = await openTab(browser);
    await tab.navigate(server.url("/host"));
    await tab.waitFor(
      `document.documentElement.dataset.chart === "error"`,
      "the view's message",
      "/view",
    );
    const text = await tab.evaluate<string>(`document.body.textContent`, "/view");
    assert.match(text, /工具结果中没有图表/);
    assert.deepEqual(tab.errors, []);
  } finally {
    await browser.close();
    await server.close();
  }
});
