import { test } from "node:test";
import assert from "node:assert/strict";
import { Hono } from "hono";
import { bearerAuth, constantTimeEqual, tokenDigest } from "../../lib/http/bearer-auth.ts";
import { createLogger } from "../../lib/observability/log.ts";

const TOKEN = "s3cret-token-0123456789";

function app() {
  const lines: Record<string, unknown>[] = [];
  const log = createLogger({
    level: "debug",
    format: "json",
    write: (l) => lines.push(JSON.parse(l)),
  });
  const hono = new Hono();
  hono.use("*", bearerAuth(TOKEN, log));
  hono.all("*", (c) => c.text("through"));
  return { hono, lines };
}

test("constantTimeEqual compares content and length", async () => {
  const a = await tokenDigest(TOKEN);
  assert.equal(constantTimeEqual(a, await tokenDigest(TOKEN)), true);
  assert.equal(constantTimeEqual(a, await tokenDigest(`${TOKEN}x`)), false);
  assert.equal(constantTimeEqual(new Uint8Array([1, 2]), new Uint8Array([1, 2, 0])), false);
  assert.equal(constantTimeEqual(new Uint8Array([]), new Uint8Array([])), true);
});

test("the right Bearer token passes; the scheme is case-insensitive", async () => {
  const { hono } = app();
  for (const header of [`Bearer ${TOKEN}`, `bearer ${TOKEN}`, `Bearer   ${TOKEN} `]) {
    const res = await hono.request("/mcp", { headers: { Authorization: header } });
    assert.equal(res.status, 200, header);
  }
});

test("missing, wrong or malformed tokens are 401 naming the Authorization header, never logging the token", async () => {
  const { hono, lines } = app();
  const cases: [Record<string, string>, RegExp][] = [
    [{}, /missing token: send the header Authorization: Bearer/],
    [
      { Authorization: "Bearer wrong-token-0123456789" },
      /wrong token: the Bearer token in the Authorization header/,
    ],
    [{ Authorization: TOKEN }, /missing token/],
    [{ Authorization: `Basic ${TOKEN}` }, /missing token/],
    [{ Authorization: `Bearer ${TOKEN}x` }, /wrong token/],
    [
      { Authorization: "Bearer ${OILFIELD_MCP_TOKEN}" },
      /unexpanded variable "\$\{OILFIELD_MCP_TOKEN\}": LibreChat did not substitute it/,
    ],
  ];
  for (const [headers, message] of cases) {
    const res = await hono.request("/mcp/call-tool", { method: "POST", headers });
    assert.equal(res.status, 401, JSON.stringify(headers));
    assert.equal(
      res.headers.get("www-authenticate"),
      null,
      "no Bearer challenge: LibreChat would take it for OAuth",
    );
    const body = await res.json();
    assert.equal(body.error, "unauthorized");
    assert.match(body.message, message);
    assert.match(body.message, /请求头 Authorization/);
  }
  assert.equal(lines.length, cases.length);
  assert.ok(!JSON.stringify(lines).includes("0123456789"), "no token in the log");
});

test("/health and /.well-known/… need no token", async () => {
  const { hono } = app();
  for (
    const path of [
      "/health",
      "/.well-known/oauth-protected-resource",
      "/.well-known/oauth-authorization-server/mcp",
    ]
  ) {
    assert.equal((await hono.request(path)).status, 200, path);
  }
  assert.equal((await hono.request("/healthz")).status, 401);
  assert.equal((await hono.request("/.well-knownx")).status, 401);
});
