import assert from "node:assert/strict";
import { test } from "node:test";
import { checkChartSpec } from "../../lib/charts/check.ts";
import {
  appViewHtml,
  CHART_MIME_APP,
  CHART_MIME_INLINE,
  renderChartHtml,
} from "../../lib/charts/html.ts";
import type { ChartSpec } from "../../lib/charts/spec.ts";
import { bilingualLabel } from "../../lib/charts/spec.ts";
import { depthDemo, nptDemo, ropDemo, wellsDemo } from "./demo.ts";

test("a bilingual label is Chinese first", () => {
  assert.equal(bilingualLabel({ zh: "钻速", en: "ROP (m/h)" }), "钻速 ROP (m/h)");
  assert.equal(bilingualLabel("乐探1"), "乐探1");
});

test("the demo specs are valid and round-trip through JSON", () => {
  for (const spec of [depthDemo(), ropDemo(), nptDemo(), wellsDemo()]) {
    assert.deepEqual(checkChartSpec(JSON.parse(JSON.stringify(spec))), spec);
  }
});

test("bad specs are refused with a bilingual message naming the problem", () => {
  const bar = ropDemo();
  const cases: Array<[unknown, RegExp]> = [
    [{ ...bar, kind: "pie" }, /未知图表类型 "pie" .* unknown chart kind "pie"/],
    [{ ...bar, title: "ROP" }, /title/],
    [{ ...bar, series: [{ ...bar.series[0], values: [1, 2] }] }, /2 values for 7 categories/],
    [{
      ...bar,
      series: [...bar.series, {
        name: { zh: "时间", en: "Time" },
        unit: "h",
        values: bar.categories.map(() => 1),
      }],
    }, /at most two units/],
    [{
      ...depthDemo(),
      series: [{ well: "乐探1", kind: "actual", points: [[0, 0], [5, 400], [5, 500]] }],
    }, /days must increase/],
    [
      { ...depthDemo(), series: [{ well: "乐探1", kind: "planned", points: [[0, 0]] }] },
      /kind "actual" or "plan"/,
    ],
  ];
  for (const [spec, message] of cases) {
    assert.throws(
      () => checkChartSpec(spec),
      (e: Error) => message.test(e.message) && e.message.startsWith("图表数据有误"),
    );
  }
  // A value from outside the type system, as a tool result could carry it.
  const diagonal: unknown = { ...bar, orientation: "diagonal" };
  assert.throws(() => renderChartHtml(diagonal as ChartSpec), /orientation "diagonal"/);
});

test("the inline document embeds escaped data, the inlined code and a no-network policy", () => {
  const spec = depthDemo();
  spec.title = { zh: "</script><b>x</b>", en: "\u2028 & 'quotes' \"" };
  const html = renderChartHtml(spec, { theme: "dark" });
  assert.ok(html.startsWith("<!doctype html>"));
  assert.equal(html.match(/<\/script>/g)?.length, 2, "only the data and code elements close");
  assert.match(html, /<title>&#60;\/script&#62;&#60;b&#62;x&#60;\/b&#62;/);
  assert.match(html, /data-theme="dark"/);
  assert.match(html, /Content-Security-Policy" content="default-src 'none'/);
  assert.ok(!/(src|href)="(https?:)?\/\//.test(html), "no external script, style or font");
  const data =
    html.match(/<script type="application\/json" id="chart-data">(.*?)<\/script>/s)?.[1] ?? "";
  assert.ok(!data.includes("\u2028"), "no raw line separator inside the script element");
  assert.deepEqual(JSON.parse(data), spec);
  assert.ok(Buffer.byteLength(html) < 200 * 1024);
});

test("the app view is data-free and both MIME types are as MCP-UI and MCP Apps expect", () => {
  assert.equal(CHART_MIME_INLINE, "text/html");
  assert.equal(CHART_MIME_APP, "text/html;profile=mcp-app");
  const view = appViewHtml();
  assert.match(view, /data-mode="app"/);
  assert.ok(!view.includes('id="chart-data"'));
  assert.ok(Buffer.byteLength(view) < 200 * 1024);
});
