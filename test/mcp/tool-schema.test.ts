import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { encode } from "gpt-tokenizer/encoding/o200k_base";
import { identity, startTestServer } from "../helpers/server.ts";
import type { TestServer } from "../helpers/server.ts";
import { connectStreamable } from "../helpers/mcp-client.ts";
import { inLanguage, leanSchema } from "../../lib/mcp/tool-schema.ts";
import { toolTokens } from "../helpers/tool-tokens.ts";

/** Issue 19's budgets: tokens of the tool list as the model receives it, per role. */
const BUDGET = { USER: 3500, ENGINEER: 5000, ADMIN: 6500 } as const;

/** o200k tokens of a tools/list as a chat API receives it: one `{type:"function",function:{name,description,parameters}}` per tool. */
async function listedTokens(url: string, role: string): Promise<{ tools: number; tokens: number }> {
  const client = await connectStreamable(`${url}/mcp`, identity(role));
  try {
    const { tools } = await client.listTools();
    const tokens = toolTokens(tools);
    return { tools: tools.length, tokens };
  } finally {
    await client.close();
  }
}

let zh: TestServer;
let zhEn: TestServer;
before(async () => {
  zh = await startTestServer();
  zhEn = await startTestServer({ TOOL_LANGUAGE: "zh-en" });
});
after(async () => {
  await zh.close();
  await zhEn.close();
});

test("tools/list per role fits the token budget the model pays on every message (o200k, over real HTTP)", async () => {
  for (const [role, budget] of Object.entries(BUDGET)) {
    const { tools, tokens } = await listedTokens(zh.url, role);
    assert.ok(tools > 0, role);
    assert.ok(tokens <= budget, `${role}: ${tools} tools cost ${tokens} tokens, budget ${budget}`);
  }
});

test("TOOL_LANGUAGE=zh-en adds the English halves; the default zh sends none of them", async () => {
  for (const role of Object.keys(BUDGET)) {
    const [a, b] = [await listedTokens(zh.url, role), await listedTokens(zhEn.url, role)];
    assert.equal(a.tools, b.tools);
    assert.ok(b.tokens > a.tokens * 1.1, `${role}: zh ${a.tokens}, zh-en ${b.tokens}`);
  }
  const client = await connectStreamable(`${zh.url}/mcp`, identity("ADMIN"));
  const { tools } = await client.listTools();
  await client.close();
  for (const t of tools) {
    assert.doesNotMatch(t.description ?? "", / \/ /, `${t.name} still carries an English half`);
    assert.match(t.description ?? "", /[\u4e00-\u9fff]/, `${t.name} has a Chinese description`);
    assert.equal(JSON.stringify(t.inputSchema).includes("additionalProperties"), false, t.name);
  }
});

test("leanSchema drops what the model never needs and keeps what it does", () => {
  const lean = leanSchema({
    $schema: "x",
    type: "object",
    additionalProperties: false,
    required: ["a"],
    properties: {
      a: { type: "string", minLength: 1, maxLength: 64, description: "井号 / well id" },
      b: { anyOf: [{ type: "number" }, { type: "null" }], description: "井深 / depth" },
      c: { type: "integer", minimum: 0, maximum: 1_000_000, default: 0 },
      d: { type: "integer", minimum: 1, maximum: 500, default: 50, enum: undefined },
      e: { type: ["string", "null"] },
    },
  }, "zh");
  assert.deepEqual(JSON.parse(JSON.stringify(lean)), {
    type: "object",
    required: ["a"],
    properties: {
      a: { type: "string", description: "井号" },
      b: { type: "number", description: "井深" },
      c: { type: "integer", default: 0 },
      d: { type: "integer", minimum: 1, maximum: 500, default: 50 },
      e: { type: "string" },
    },
  });
  assert.equal(inLanguage("中文 / English", "zh-en"), "中文 / English");
  assert.equal(inLanguage("只有中文", "zh"), "只有中文");
});

test("the server instructions LibreChat adds to the system prompt are short, Chinese, and carry the shared rules", async () => {
  const client = await connectStreamable(`${zh.url}/mcp`, identity("USER"));
  try {
    const instructions = client.getInstructions() ?? "";
    assert.match(instructions, /^油田钻井数据服务/);
    assert.match(instructions, /昨天/, "date words, said once for every tool");
    assert.match(instructions, /权限不足/, "relay refusals");
    assert.ok(encode(instructions).length <= 200, `${encode(instructions).length} tokens`);
  } finally {
    await client.close();
  }
});
