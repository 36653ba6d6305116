import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { encode } from "gpt-tokenizer/encoding/o200k_base";
import { identity, startTestServer } from "../helpers/server.ts";
import type { TestServer } from "../helpers/server.ts";
import type { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { connectStreamable } from "../helpers/mcp-client.ts";

/** Issue 19: the largest text answer of any tool with default arguments on the demo data. */
const ANSWER_BUDGET = 8000;

/**
 * What LibreChat hands the model from a tool result (packages/api/src/mcp/parsers.ts): the text blocks, a marker
 * line for each ui:// resource, the text of any other resource. structuredContent and isError never reach it.
 */
function modelText(result: unknown): string {
  const content = ((result as { content?: unknown }).content ?? []) as {
    type: string;
    text?: string;
    resource?: { uri: string; text?: string };
  }[];
  return content.map((c) => {
    if (c.type === "text") return c.text ?? "";
    if (c.type === "resource" && c.resource) {
      return c.resource.uri.startsWith("ui://")
        ? `UI Resource Marker: ${c.resource.uri}`
        : `Resource Text: ${c.resource.text ?? ""}`;
    }
    return JSON.stringify(c);
  }).join("\n\n");
}

/** Tools whose required arguments have no default: the smallest call that asks something real. */
const REQUIRED: Record<string, Record<string, unknown>> = {
  get_well_summary: { well_id: "W001" },
  get_period_report: { well_id: "W001" },
};

const REFERS_AWAY = /structured (result|content)|结构化(结果|内容)|见附件/i;

let server: TestServer;
before(async () => (server = await startTestServer()));
after(() => server.close());

/** Runs `fn` with a Streamable HTTP client connected as `role`, closing it afterwards. */
async function asRole(role: string, fn: (client: Client) => Promise<void>): Promise<void> {
  const client = await connectStreamable(`${server.url}/mcp`, identity(role));
  try {
    await fn(client);
  } finally {
    await client.close();
  }
}

test("every tool's answer with default arguments stands on its own text and fits the budget", async () => {
  await asRole("ADMIN", async (client) => {
    let largest = { tool: "", tokens: 0 };
    let called = 0;
    for (const tool of (await client.listTools()).tools) {
      const required = (tool.inputSchema.required ?? []) as string[];
      if (required.length > 0 && !REQUIRED[tool.name]) continue;
      const result = await client.callTool({
        name: tool.name,
        arguments: REQUIRED[tool.name] ?? {},
      }).catch((e: Error) => ({ content: [{ type: "text", text: e.message }] }));
      const text = modelText(result);
      called++;
      assert.ok(text.length > 0, `${tool.name}: no text`);
      assert.doesNotMatch(
        text,
        REFERS_AWAY,
        `${tool.name} points the model at something it never receives`,
      );
      const tokens = encode(text).length;
      if (tokens > largest.tokens) largest = { tool: tool.name, tokens };
    }
    assert.ok(called >= 15, `called ${called} tools`);
    assert.ok(
      largest.tokens <= ANSWER_BUDGET,
      `${largest.tool} answers ${largest.tokens} tokens, budget ${ANSWER_BUDGET}`,
    );
  });
});

test("a refusal reaches the model as text that says what happened, without isError", async () => {
  await asRole("USER", async (client) => {
    const refused = await client.callTool({ name: "export_all_data", arguments: {} });
    assert.equal(modelText(refused), "权限不足：用户角色 USER 无权访问工具 export_all_data");
  });
});

test("a chart answer carries its figures, its table and the next step in the text", async () => {
  await asRole("USER", async (client) => {
    const rop = await client.callTool({ name: "analyze_rop", arguments: {} });
    const text = modelText(rop);
    assert.match(text, /\| ?---/, "a Markdown table");
    assert.match(
      text,
      /UI Resource Marker: ui:\/\//,
      "the chart goes to the user as a UI resource",
    );
    const groups =
      (rop.structuredContent as { groups: { group: string | null; rows: number }[] }).groups;
    assert.ok(groups.length > 1);
    for (const g of groups) {
      assert.ok(
        text.includes(`| ${g.group ?? "未记录 not recorded"} | ${g.rows} |`),
        `group ${g.group} with its rows is in the text`,
      );
    }
    const curve = await client.callTool({
      name: "get_drilling_curve",
      arguments: { well_id: "W001" },
    });
    const curveText = modelText(curve);
    const points =
      (curve.structuredContent as { wells: { points: unknown[] }[] }).wells[0].points.length;
    assert.ok(
      curveText.includes(`共 ${points} 点`) || !curveText.includes("表中均匀取"),
      "a thinned table says how many points there are",
    );
    if (curveText.includes("表中均匀取")) {
      assert.match(
        curveText,
        /用 date 缩小范围，如 date="\d{4}-\d\d-\d\d~\d{4}-\d\d-\d\d"/,
        "and how to get every day",
      );
    }
    assert.doesNotMatch(curveText, REFERS_AWAY);
  });
});

test("export_all_data answers the count and the CSV download instead of pouring rows into the chat", async () => {
  await asRole("ADMIN", async (client) => {
    const text = modelText(await client.callTool({ name: "export_all_data", arguments: {} }));
    const live = Number(
      (await server.db.execute("SELECT count(*) AS n FROM drilling_daily WHERE deleted_at IS NULL"))
        .rows[0].n,
    );
    assert.match(text, new RegExp(`共 ${live} 行`));
    assert.match(text, /GET \/export\/drilling_daily\.csv/);
    assert.ok(encode(text).length < 4000, "a preview, not the table");
  });
});

test("no answer text in lib/ sends the model to structured content", () => {
  const files = (function walk(dir: string): string[] {
    return readdirSync(dir).flatMap((
      n,
    ) => (statSync(join(dir, n)).isDirectory()
      ? walk(join(dir, n))
      : n.endsWith(".ts")
      ? [join(dir, n)]
      : [])
    );
  })("lib");
  const hits = files.filter((f) =>
    !f.endsWith(".generated.ts") &&
    REFERS_AWAY.test(readFileSync(f, "utf8").replace(/^\s*(\/\/|\/?\*).*$/gm, ""))
  );
  assert.deepEqual(hits, []);
});
