// Every chart the real tools produce on the demo data, drawn in headless chromium: the inline MCP-UI
// documents one by one, then the MCP Apps view handed each whole tool result as a host does.
import assert from "node:assert/strict";
import { mkdirSync } from "node:fs";
import { after, before, test } from "node:test";
import { fileURLToPath } from "node:url";
import { z } from "zod";
import type { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { CHART_APP_URI } from "../../lib/charts/forms.ts";
import { connectStreamable } from "../helpers/mcp-client.ts";
import { identity, startTestServer } from "../helpers/server.ts";
import type { TestServer } from "../helpers/server.ts";
import { type Browser, launchBrowser } from "./chromium.ts";
import { hostPage } from "./host-html.ts";
import { PLOT_STATS, type PlotStats } from "./probe.ts";
import { serveHtml } from "./serve.ts";
import { openTab } from "./tab.ts";

const OUT = fileURLToPath(new URL("../../test-output/charts/tools/", import.meta.url));
const READY = `document.documentElement.dataset.chart === "ready"`;
const drawn = (which: string) =>
  `JSON.stringify({ data: ${which}.plot().data, labels: ${which}.plot().series.map((s) => s.label) })`;

/** The calls whose charts are checked: every chart tool, the period report for a well and a block. */
export const CHART_CALLS: Array<[string, string, Record<string, unknown>]> = [
  ["drilling-curve", "get_drilling_curve", { well_ids: ["W001", "W005"] }],
  ["rop-by-formation", "analyze_rop", { group_by: "formation" }],
  ["npt", "analyze_npt", {}],
  ["compare-wells", "compare_wells", { well_id: "W003", offset_wells: true }],
  ["period-report-well", "get_period_report", { well_id: "W005", period: "2026-08-17~2026-08-23" }],
  ["period-report-block", "get_period_report", { block: "石南", period: "最近一个月" }],
];

/** The parts of a chart tool's result this test reads (parsing fails loudly when one is missing). */
const ChartResult = z.object({
  content: z.array(
    z.object({
      type: z.string(),
      resource: z.object({ uri: z.string(), text: z.string() }).optional(),
    }),
  ),
  structuredContent: z.object({ charts: z.array(z.unknown()) }),
});

let server: TestServer;
let client: Client;
let browser: Browser;
before(async () => {
  mkdirSync(OUT, { recursive: true });
  server = await startTestServer({}, { now: () => new Date("2026-11-20T10:00:00+08:00") });
  client = await connectStreamable(`${server.url}/mcp`, identity("USER"));
  browser = await launchBrowser();
});
after(async () => {
  await browser.close();
  await client.close();
  await server.close();
});

for (const [name, tool, args] of CHART_CALLS) {
  test(`${tool} ${JSON.stringify(args)}: every inline chart and the MCP Apps view draw the tool's data`, async () => {
    const raw = await client.callTool({ name: tool, arguments: args });
    const result = ChartResult.parse(raw);
    const inline = result.content.filter((c) => c.type === "resource").map((c) => c.resource!);
    const specs = result.structuredContent.charts;
    assert.ok(
      inline.length >= 1 && inline.length === specs.length,
      `${inline.length} inline charts, ${specs.length} structured`,
    );
    const view =
      ((await client.readResource({ uri: CHART_APP_URI })).contents[0] as { text: string }).text;
    const pages: Record<string, string> = {
      "/host": await hostPage(raw, "light"),
      "/view": view,
    };
    inline.forEach((r, i) => (pages[`/inline-${i}`] = r.text));
    const served = await serveHtml(pages);
    try {
      const fromInline: string[] = [];
      for (let i = 0; i < inline.length; i++) {
        assert.ok(
          Buffer.byteLength(inline[i].text) < 200 * 1024,
          `${inline[i].uri} is under 200 KB`,
        );
        const tab = await openTab(browser);
        await tab.setColorScheme("light");
        await tab.navigate(served.url(`/inline-${i}`));
        await tab.waitFor(READY, `${inline[i].uri} to draw`);
        const stats = await tab.evaluate<PlotStats>(PLOT_STATS);
        assert.ok(
          stats.opaque > 2000,
          `${inline[i].uri}: plot area has ${stats.opaque} drawn pixels`,
        );
        assert.ok(
          stats.colours[0].n > 200,
          `${inline[i].uri}: first series has ${stats.colours[0].n} pixels`,
        );
        const png = await tab.screenshot(`${OUT}${name}-${i + 1}.png`);
        assert.ok(png.length > 5000);
        await tab.setColorScheme("dark");
        await tab.waitFor(`document.documentElement.dataset.scheme === "dark"`, "the dark redraw");
        await tab.screenshot(`${OUT}${name}-${i + 1}-dark.png`);
        fromInline.push(await tab.evaluate<string>(drawn("window.__chart")));
        assert.deepEqual(
          tab.requests.filter((u) => u !== served.url(`/inline-${i}`) && !u.startsWith("data:")),
          [],
          "no request leaves the page",
        );
        assert.deepEqual(tab.errors, [], "no console error");
        await tab.close();
      }

      const host = await openTab(browser);
      await host.navigate(served.url("/host"));
      await host.waitFor(
        `${READY} && (window.__charts || []).length === ${specs.length}`,
        "the MCP Apps view to draw every chart",
        "/view",
      );
      for (let i = 0; i < specs.length; i++) {
        assert.equal(
          await host.evaluate<string>(drawn(`window.__charts[${i}]`), "/view"),
          fromInline[i],
          `chart ${i + 1}: the view plots what the inline document plots`,
        );
        const stats = await host.evaluate<PlotStats>(
          PLOT_STATS.replace("window.__chart.plot()", `window.__charts[${i}].plot()`),
          "/view",
        );
        assert.ok(stats.opaque > 2000, `view chart ${i + 1}: ${stats.opaque} drawn pixels`);
      }
      await host.waitFor(
        `window.__host.sizes.some((h) => h > 300)`,
        "the view to report its height",
      );
      await host.screenshot(`${OUT}${name}-app-view.png`);
      const allowed = [served.url("/host"), served.url("/view")];
      assert.deepEqual(
        host.requests.filter((u) => !allowed.includes(u) && !u.startsWith("data:")),
        [],
        "no request leaves the host page",
      );
      assert.deepEqual(host.errors, [], "no console error in the host or the view");
      await host.close();
    } finally {
      await served.close();
    }
  });
}
