import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { checkLibreChatConfig, readYaml } from "../helpers/librechat-config.ts";
import { resolveLibreChatHeaders } from "../helpers/librechat.ts";

const recommended = readFileSync("deploy/librechat.yaml", "utf8");
const guide = readFileSync("deploy/librechat.guide.yaml", "utf8");

const expectedHeaders = {
  "X-User-Role": "{{LIBRECHAT_USER_ROLE}}",
  "X-User-Email": "{{LIBRECHAT_USER_EMAIL}}",
  "X-User-ID": "{{LIBRECHAT_USER_ID}}",
  Authorization: "Bearer ${OILFIELD_MCP_TOKEN}",
};

// deno-lint-ignore no-explicit-any
const servers = (text: string) => readYaml(text).mcpServers as Record<string, any>;

test("deploy/librechat.yaml passes LibreChat's own configSchema with no dropped keys", () => {
  assert.deepEqual(checkLibreChatConfig(recommended), []);
});

test("the recommended entry is Streamable HTTP with the identity headers and a bearer token", () => {
  const { type, url, headers, requiresOAuth, timeout } = servers(recommended)["oilfield-drilling"];
  assert.deepEqual(
    { type, url, headers, requiresOAuth, timeout },
    {
      type: "streamable-http",
      url: "http://oilfield-mcp:8080/mcp",
      headers: expectedHeaders,
      requiresOAuth: false,
      timeout: 60000,
    },
  );
});

test("the legacy entry uses type sse on /sse with the same headers", () => {
  const { type, url, headers, requiresOAuth } = servers(recommended)["oilfield-drilling-sse"];
  assert.deepEqual({ type, url, headers, requiresOAuth }, {
    type: "sse",
    url: "http://oilfield-mcp:8080/sse",
    headers: expectedHeaders,
    requiresOAuth: false,
  });
});

// LibreChat's title pattern before data-provider 0.8.522 (packages/data-provider/src/mcp.ts):
// anything else makes LibreChat exit at start-up.
const OLD_TITLE_PATTERN = /^[a-zA-Z0-9 ]+$/;

test("every entry loads in every LibreChat release of the last year: ASCII title, the Chinese name in description, serverInstructions on (issue 17 item 12)", () => {
  const entries = Object.entries(servers(recommended));
  assert.equal(entries.length, 2);
  for (const [name, entry] of entries) {
    assert.match(
      entry.title,
      OLD_TITLE_PATTERN,
      `${name}: title "${entry.title}" would stop LibreChat < 0.8.522`,
    );
    assert.match(entry.description, /^油田钻井数据服务/, name);
    assert.equal(entry.serverInstructions, true, name);
  }
  assert.equal(servers(recommended)["oilfield-drilling"].title, "Oilfield Drilling Data");
  // The check can fail: the guide's Chinese title is what older releases refuse.
  assert.doesNotMatch(servers(guide)["oilfield-drilling"].title, OLD_TITLE_PATTERN);
});

test("mcpSettings exempts exactly the host:port the entries connect to", () => {
  const settings = readYaml(recommended).mcpSettings as { allowedAddresses: string[] };
  for (const entry of Object.values(servers(recommended))) {
    assert.ok(settings.allowedAddresses.includes(new URL(entry.url).host), entry.url);
  }
});

test("the guide's config is kept verbatim and is valid for LibreChat too", () => {
  assert.deepEqual(checkLibreChatConfig(guide), []);
  const entry = servers(guide)["oilfield-drilling"];
  assert.deepEqual(entry, {
    type: "sse",
    url: "http://localhost:8080/mcp/call-tool",
    headers: {
      "X-User-Role": "{{LIBRECHAT_USER_ROLE}}",
      "X-User-Email": "{{LIBRECHAT_USER_EMAIL}}",
      "X-User-ID": "{{LIBRECHAT_USER_ID}}",
    },
    title: "油田钻井数据服务",
    timeout: 60000,
  });
});

test("a misspelled key fails the check, nested or at the top", () => {
  const nested = recommended.replace(
    "requiresOAuth: false\n    # ASCII",
    "requiresOAuht: false\n    # ASCII",
  );
  assert.notEqual(nested, recommended);
  assert.deepEqual(checkLibreChatConfig(nested), [
    'mcpServers.oilfield-drilling.requiresOAuht: unknown key "requiresOAuht" (LibreChat would ignore it silently)',
  ]);

  const top = recommended.replace("mcpSettings:", "mcpSetings:");
  assert.match(
    checkLibreChatConfig(top).join("\n"),
    /Unrecognized key\(s\) in object: 'mcpSetings'/,
  );

  const settings = recommended.replace("  allowedAddresses:", "  allowedAdresses:");
  assert.match(
    checkLibreChatConfig(settings).join("\n"),
    /mcpSettings\.allowedAdresses: unknown key/,
  );
});

test("a wrong value fails the check", () => {
  const badType = recommended.replace("type: streamable-http", "type: streamable_http");
  assert.ok(checkLibreChatConfig(badType).length > 0);
  const badTimeout = recommended.replace("timeout: 60000", 'timeout: "60000"');
  assert.ok(checkLibreChatConfig(badTimeout).length > 0);
  const badAddress = recommended.replace('- "oilfield-mcp:8080"', '- "http://oilfield-mcp:8080"');
  assert.match(checkLibreChatConfig(badAddress).join("\n"), /host:port pairs/);
});

test("LibreChat would send these headers for a signed-in engineer", () => {
  const headers = servers(recommended)["oilfield-drilling"].headers;
  const user = { id: "6650f1c2a1", email: "zhang.wei@oilfield.cn", role: "USER", name: "张伟" };
  assert.deepEqual(resolveLibreChatHeaders(headers, user, { OILFIELD_MCP_TOKEN: "s3cret" }), {
    "X-User-Role": "USER",
    "X-User-Email": "zhang.wei@oilfield.cn",
    "X-User-ID": "6650f1c2a1",
    Authorization: "Bearer s3cret",
  });
});
