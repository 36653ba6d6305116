import { test } from "node:test";
import assert from "node:assert/strict";
import { CHART_APP_URI } from "../../lib/charts/forms.ts";
import { connectStreamable } from "../helpers/mcp-client.ts";
import { identity, startTestServer } from "../helpers/server.ts";

const CHART_TOOLS = [
  "analyze_npt",
  "analyze_rop",
  "compare_wells",
  "get_drilling_curve",
  "get_period_report",
];

type Block = {
  type: string;
  text?: string;
  resource?: { uri: string; mimeType: string; text: string };
};

/** The MCP Apps keys of a tool listing's `_meta`. */
type ViewMeta = { ui?: { resourceUri?: string }; "ui/resourceUri"?: string };
/** The parts of a chart tool's structured answer these tests read. */
type RopStructured = { charts?: { categories: unknown[] }[]; groups: { group: string | null }[] };

test("CHARTS=both: chart tools declare the view, USER lists and reads it, results carry inline HTML and structured charts", async () => {
  const server = await startTestServer();
  try {
    const client = await connectStreamable(`${server.url}/mcp`, identity("USER"));
    assert.ok(client.getServerCapabilities()?.resources, "the resources capability is announced");
    const { tools } = await client.listTools();
    const declaring = tools.filter((t) =>
      (t._meta as ViewMeta | undefined)?.ui?.resourceUri === CHART_APP_URI
    ).map((t) => t.name).sort();
    assert.deepEqual(declaring, CHART_TOOLS);
    assert.equal(
      (tools.find((t) => t.name === "analyze_rop")!._meta as ViewMeta)["ui/resourceUri"],
      CHART_APP_URI,
      "the legacy key too",
    );
    assert.equal(tools.find((t) => t.name === "list_wells")!._meta, undefined);
    const { resources } = await client.listResources();
    assert.deepEqual(resources.map((r) => [r.uri, r.mimeType]), [[
      CHART_APP_URI,
      "text/html;profile=mcp-app",
    ]]);
    const read = await client.readResource({ uri: CHART_APP_URI });
    const view = read.contents[0] as { mimeType: string; text: string };
    assert.equal(view.mimeType, "text/html;profile=mcp-app");
    assert.match(view.text, /data-mode="app"/);
    assert.ok(Buffer.byteLength(view.text) < 200 * 1024);
    await assert.rejects(
      client.readResource({ uri: "ui://oilfield/nothing.html" }),
      /resource not found "ui:\/\/oilfield\/nothing.html"/,
    );

    // The SDK client checks structuredContent (charts included) against the listed output schema.
    const result = await client.callTool({ name: "analyze_rop", arguments: {} });
    const content = result.content as Block[];
    assert.equal(content[0].type, "text");
    const html = content.filter((c) => c.type === "resource");
    assert.deepEqual(html.map((c) => [c.resource!.uri, c.resource!.mimeType]), [[
      "ui://oilfield/analyze_rop/chart-1.html",
      "text/html",
    ]]);
    assert.ok(Buffer.byteLength(html[0].resource!.text) < 200 * 1024);
    const structured = result.structuredContent as RopStructured;
    const charts = structured.charts ?? [];
    assert.equal(charts.length, 1);
    assert.deepEqual(
      charts[0].categories,
      structured.groups.map((g: { group: string | null }) =>
        g.group ?? { zh: "未记录", en: "not recorded" }
      ),
    );
    assert.ok(
      html[0].resource!.text.includes(
        JSON.stringify(charts[0].categories[0]).replace(/</g, "\\u003c"),
      ),
      "the inline chart embeds the same data",
    );
    await client.close();

    // A role without any chart tool lists no resource and cannot read it.
    const guest = await connectStreamable(`${server.url}/mcp`, identity("GUEST"));
    assert.deepEqual((await guest.listResources()).resources, []);
    await assert.rejects(guest.readResource({ uri: CHART_APP_URI }), /resource not found/);
    await guest.close();
  } finally {
    await server.close();
  }
});

for (
  const [mode, inline, apps] of [["inline", true, false], ["apps", false, true], [
    "off",
    false,
    false,
  ]] as const
) {
  test(`CHARTS=${mode}: ${inline ? "inline HTML" : "no inline HTML"}, ${apps ? "the MCP Apps view" : "no MCP Apps view"}; the text answers alone`, async () => {
    const server = await startTestServer({ CHARTS: mode });
    try {
      const client = await connectStreamable(`${server.url}/mcp`, identity("USER"));
      const { tools } = await client.listTools();
      assert.equal(tools.some((t) => t._meta !== undefined), apps);
      assert.equal((await client.listResources()).resources.length, apps ? 1 : 0);
      const result = await client.callTool({
        name: "get_drilling_curve",
        arguments: { well_id: "W005" },
      });
      const content = result.content as Block[];
      assert.equal(content.some((c) => c.type === "resource"), inline);
      assert.equal((result.structuredContent as RopStructured).charts !== undefined, apps);
      assert.match(content[0].type === "text" ? String(content[0].text) : "", /W005/);
      await client.close();
    } finally {
      await server.close();
    }
  });
}
