import { test } from "node:test";
import assert from "node:assert/strict";
import { banner } from "../../lib/server/banner.ts";
import { loadConfig } from "../../lib/config/config.ts";

const at = { host: "127.0.0.1", port: 8080 };

test("the banner says whether a token is configured, and the allowed host names", () => {
  const open = banner(loadConfig({}), at);
  assert.match(open, /油田钻井数据MCP Server - HTTP\/SSE版本/);
  assert.match(open, /Auth token: 未配置 NOT configured; listening on loopback only/);
  assert.match(open, /Allowed hosts: loopback names \(ALLOWED_HOSTS\)/);
  assert.match(open, /GET \/sse or GET \/mcp\/call-tool/);

  const token = "0123456789abcdef-secret";
  const closed = banner(
    loadConfig({ HOST: "0.0.0.0", MCP_AUTH_TOKEN: token, ALLOWED_HOSTS: "oilfield-mcp" }),
    { host: "0.0.0.0", port: 8080 },
  );
  assert.match(closed, /Auth token: 已配置 configured \(MCP_AUTH_TOKEN\)/);
  assert.match(closed, /Allowed hosts: loopback names, oilfield-mcp/);
  assert.ok(!closed.includes(token), "the token itself is never printed");

  const risky = banner(loadConfig({ HOST: "0.0.0.0", MCP_ALLOW_PUBLIC_WITHOUT_TOKEN: "1" }), {
    host: "0.0.0.0",
    port: 8080,
  });
  assert.match(risky, /WARNING: public address without a token/);
});
