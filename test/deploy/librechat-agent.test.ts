import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { checkLibreChatConfig, readYaml } from "../helpers/librechat-config.ts";
import { libreChatTransport } from "../helpers/librechat-connect.ts";
import { identity, startTestServer } from "../helpers/server.ts";
import type { TestServer } from "../helpers/server.ts";
import { parseToolFilter } from "../../lib/mcp/toolsets.ts";
import { TOOLS } from "../../lib/tools/index.ts";
import { toolTokens } from "../helpers/tool-tokens.ts";

const text = readFileSync("deploy/librechat.agent.yaml", "utf8");
// deno-lint-ignore no-explicit-any
const doc = readYaml(text) as Record<string, any>;
const entry = doc.mcpServers["oilfield-analysis"];
const spec = doc.modelSpecs.list[0];

let server: TestServer;
before(async () => (server = await startTestServer()));
after(() => server.close());

test("deploy/librechat.agent.yaml passes LibreChat's own configSchema with no dropped keys", () => {
  assert.deepEqual(checkLibreChatConfig(text), []);
  assert.equal(entry.serverInstructions, true);
  assert.deepEqual(
    spec.mcpServers,
    ["oilfield-analysis"],
    "the spec uses the server this file defines",
  );
  assert.match(spec.preset.promptPrefix, /^你是油田钻井工程数据助手/);
  assert.ok(spec.conversation_starters.length >= 4);
});

test("every tool the instructions name is one the entry's ?tools= exposes", () => {
  const exposed = parseToolFilter(new URL(entry.url).searchParams.get("tools") ?? "")!;
  const named = TOOLS.map((t) => t.name).filter((n) => spec.preset.promptPrefix.includes(n));
  assert.ok(named.length >= 8, `named: ${named}`);
  for (const n of named) {
    assert.ok(exposed.has(n), `${n} is named in the instructions but not exposed by ${entry.url}`);
  }
});

test("connected as LibreChat does, the entry lists the read and analysis tools in a small budget", async () => {
  const url = new URL(entry.url);
  const client = new Client({ name: "librechat-like", version: "1.0.0" });
  await client.connect(
    libreChatTransport(
      { type: entry.type, url: `${server.url}${url.pathname}${url.search}` },
      identity("ADMIN"),
    ),
  );
  try {
    const { tools } = await client.listTools();
    assert.deepEqual(
      tools.map((t) => t.name).sort(),
      [...parseToolFilter("read,analysis")!].sort(),
      "ADMIN sees no write or admin tool here",
    );
    const tokens = toolTokens(tools);
    assert.ok(tokens <= 3500, `${tokens} tokens`);
  } finally {
    await client.close();
  }
});
