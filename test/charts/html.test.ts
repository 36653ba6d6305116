import assert from "node:assert/strict";
import { mkdirSync } from "node:fs";
import { test } from "node:test";
import { fileURLToPath } from "node:url";
import { renderChartHtml } from "../../lib/charts/html.ts";
import type { ChartSpec } from "../../lib/charts/spec.ts";
import { launchBrowser } from "./chromium.ts";
import {
  depthDemo,
  fourWellsDepthDemo,
  manyWellsDemo,
  nptDemo,
  ropDemo,
  rotatedDemo,
  wellsDemo,
} from "./demo.ts";
import { CONTRAST, PLOT_STATS, type PlotStats } from "./probe.ts";
import { serveHtml } from "./serve.ts";
import { openTab, type Tab } from "./tab.ts";

const OUT = fileURLToPath(new URL("../../test-output/charts/", import.meta.url));
const READY = `document.documentElement.dataset.chart === "ready"`;

type Contrast = { bg: number; text: number; axis: number; series: number[] };

/**
 * Loads html in a fresh chromium tab, preferring light then dark, checks contrast in both (unless
 * the document forces a theme), hands the plot stats to check, then checks requests and errors.
 */
async function inChromium(
  name: string,
  html: string,
  check: (tab: Tab, light: PlotStats, dark: PlotStats) => Promise<void> | void,
  followsScheme = true,
  width = 600,
) {
  mkdirSync(OUT, { recursive: true });
  const browser = await launchBrowser();
  const server = await serveHtml({ "/": html });
  try {
    const tab = await openTab(browser, width);
    await tab.setColorScheme("light");
    await tab.navigate(server.url("/"));
    await tab.waitFor(READY, `${name} to draw`);
    const light = await tab.evaluate<PlotStats>(PLOT_STATS);
    const lightPng = await tab.screenshot(`${OUT}${name}-light.png`);
    await tab.setColorScheme("dark");
    if (followsScheme) {
      await tab.waitFor(`document.documentElement.dataset.scheme === "dark"`, "the dark redraw");
    }
    const dark = await tab.evaluate<PlotStats>(PLOT_STATS);
    const darkPng = await tab.screenshot(`${OUT}${name}-dark.png`);
    assert.ok(lightPng.length > 5000 && darkPng.length > 5000, "screenshots are real PNGs");
    for (const scheme of followsScheme ? (["light", "dark"] as const) : []) {
      await tab.setColorScheme(scheme);
      await tab.waitFor(
        `document.documentElement.dataset.scheme === "${scheme}"`,
        `the ${scheme} redraw`,
      );
      const c = await tab.evaluate<Contrast>(CONTRAST);
      assert.ok(
        scheme === "dark" ? c.bg < 0.05 : c.bg > 0.9,
        `${scheme} background luminance ${c.bg}`,
      );
      assert.ok(c.text >= 7 && c.axis >= 4.5, `${scheme} text contrast ${c.text}, axis ${c.axis}`);
      assert.ok(c.series.every((r) => r >= 3), `${scheme} series contrast ${c.series}`);
    }
    await check(tab, light, dark);
    assert.ok(tab.requests.includes(server.url("/")), "the recorder saw the document request");
    const outside = tab.requests.filter((u) => u !== server.url("/") && !u.startsWith("data:"));
    assert.deepEqual(outside, [], "no request leaves the page");
    assert.deepEqual(tab.errors, [], "no console error");
    await tab.close();
  } finally {
    await browser.close();
    await server.close();
  }
}

function assertSize(html: string) {
  const size = Buffer.byteLength(html);
  assert.ok(size < 200 * 1024, `document is ${size} bytes, over 200 KB`);
}

function assertBarsDrawn(spec: ChartSpec, stats: PlotStats) {
  assert.equal(stats.state, "ready");
  const count = spec.kind === "bar" ? spec.series.length : 0;
  for (let j = 0; j < count; j++) {
    assert.ok(stats.colours[j].n > 500, `series ${j} has ${stats.colours[j].n} pixels`);
  }
}

test("depth curve: two wells, plan and actual, depth grows downward, light and dark", async () => {
  const html = renderChartHtml(depthDemo());
  assertSize(html);
  await inChromium("depth-curve", html, async (tab, light, dark) => {
    for (const stats of [light, dark]) {
      assert.equal(stats.state, "ready");
      assert.ok(stats.opaque > 2000, `plot area has only ${stats.opaque} drawn pixels`);
      for (const well of [0, 1]) {
        const c = stats.colours[well];
        assert.ok(c.n > 300, `well ${well} has ${c.n} pixels`);
        assert.ok(
          c.lateY > c.earlyY + 100,
          `well ${well} goes down over time: early y ${c.earlyY}, late y ${c.lateY}`,
        );
      }
      assert.equal(stats.deepBelowShallow, true, "3000 m is drawn below 500 m");
    }
    const wide = await tab.evaluate<number>("window.__chart.plot().width");
    await tab.resize(420);
    await tab.waitFor(
      `window.__chart.plot().width < ${wide - 100}`,
      "the chart to follow its container",
    );
    assert.ok(await tab.evaluate<number>("window.__chart.plot().width") <= 420);
  });
});

for (
  const [name, spec] of [["rop-by-formation", ropDemo()], ["npt-by-cause", nptDemo()], [
    "wells-comparison",
    wellsDemo(),
  ]] as const
) {
  test(`bar chart ${name}: bars drawn, light and dark`, async () => {
    const html = renderChartHtml(spec);
    assertSize(html);
    await inChromium(name, html, (_tab, light, dark) => {
      assertBarsDrawn(spec, light);
      assertBarsDrawn(spec, dark);
    });
  });
}

test("a forced dark theme is dark even when the browser prefers light", async () => {
  await inChromium(
    "npt-forced-dark",
    renderChartHtml(nptDemo(), { theme: "dark" }),
    async (tab, light) => {
      await tab.setColorScheme("light");
      await tab.waitFor(`matchMedia("(prefers-color-scheme: light)").matches`, "light preference");
      const c = await tab.evaluate<Contrast>(CONTRAST);
      assert.ok(c.bg < 0.05, `background luminance ${c.bg}`);
      assert.equal(await tab.evaluate("document.documentElement.dataset.scheme"), "dark");
      assertBarsDrawn(nptDemo(), light);
    },
    false,
  );
});

test("a well name containing </script> stays text and runs nothing", async () => {
  const spec = depthDemo();
  spec.series[0].well = `乐探1</script><script>window.pwned=1</script><!--`;
  spec.series[1].well = spec.series[0].well;
  await inChromium("escaped-well-name", renderChartHtml(spec), async (tab) => {
    assert.equal(await tab.evaluate("typeof window.pwned"), "undefined");
    const legend = await tab.evaluate<string>(`document.querySelector(".u-legend").textContent`);
    assert.ok(legend.includes("乐探1</script><script>window.pwned=1</script><!--"), legend);
  });
});

test("crowded charts at a narrow 420 px chat width still draw every series", async () => {
  for (
    const [name, spec] of [["narrow-12-wells", manyWellsDemo()], [
      "narrow-rotated-labels",
      rotatedDemo(),
    ]] as const
  ) {
    await inChromium(
      name,
      renderChartHtml(spec),
      (_tab, light, dark) => {
        assertBarsDrawn(spec, light);
        assertBarsDrawn(spec, dark);
      },
      true,
      420,
    );
  }
  await inChromium(
    "narrow-4-wells-depth",
    renderChartHtml(fourWellsDepthDemo()),
    (_tab, light) => {
      for (const well of [0, 1, 2, 3]) {
        assert.ok(
          light.colours[well].n > 200,
          `well ${well} has ${light.colours[well].n} pixels`,
        );
      }
    },
    true,
    420,
  );
});
