import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { Hono } from "hono";
import { errorHandler, HttpError } from "../../lib/http/errors.ts";
import { createLogger } from "../../lib/observability/log.ts";
import { identity, startTestServer } from "../helpers/server.ts";
import type { TestServer } from "../helpers/server.ts";

let server: TestServer;
let guarded: TestServer;
before(async () => {
  server = await startTestServer({ MAX_BODY_BYTES: "1024", RATE_LIMIT_PER_MINUTE: "1" });
  guarded = await startTestServer({ MCP_AUTH_TOKEN: "0123456789abcdef-token" });
});
after(async () => {
  await server.close();
  await guarded.close();
});

const JSON_RPC_HEADERS = {
  "content-type": "application/json",
  accept: "application/json, text/event-stream",
};
const someone = (n: number) => identity("ADMIN", `errors-${n}@example.com`, `errors-${n}`);

async function answer(url: string, init: RequestInit = {}) {
  const res = await fetch(url, init);
  return {
    status: res.status,
    type: res.headers.get("content-type") ?? "",
    body: await res.json() as Record<string, unknown>,
  };
}

/** POSTs `body` to `path` with JSON-RPC headers, as the distinct ADMIN `someone(n)`. */
const post = (path: string, n: number, body = "{}") =>
  answer(`${server.url}${path}`, {
    method: "POST",
    headers: { ...JSON_RPC_HEADERS, ...someone(n) },
    body,
  });

test("every HTTP error off the JSON-RPC surface has one shape: {success: false, error, message}", async () => {
  const u = server.url;
  const cases: [
    string,
    Promise<{ status: number; type: string; body: Record<string, unknown> }>,
    number,
    string,
  ][] = [
    [
      "unreadable identity",
      answer(`${u}/mcp/call-tool`, {
        method: "POST",
        headers: { ...JSON_RPC_HEADERS, "X-User-Role": "{{LIBRECHAT_USER_ROLE}}" },
        body: "{}",
      }),
      401,
      "unauthorized",
    ],
    ["bad ?tools=", answer(`${u}/mcp/tools?tools=nonsense`), 400, "invalid"],
    ["no such path", answer(`${u}/nowhere`), 404, "not_found"],
    ["/.well-known", answer(`${u}/.well-known/oauth-protected-resource`), 404, "not_found"],
    [
      "not JSON",
      answer(`${u}/mcp/call-tool`, {
        method: "POST",
        headers: { "content-type": "text/plain", ...someone(1) },
        body: "{}",
      }),
      415,
      "unsupported_media_type",
    ],
    [
      "too large",
      post("/mcp", 2, JSON.stringify({ pad: "x".repeat(2000) })),
      413,
      "payload_too_large",
    ],
    ["REST without a name", post("/mcp/call-tool", 3), 400, "invalid"],
    ["no sessionId", post("/messages", 4), 400, "invalid"],
    ["unknown session", post("/messages?sessionId=nope", 5), 404, "unknown_session"],
    [
      "export refused",
      answer(`${u}/export/wells.csv`, {
        headers: identity("USER", "errors-6@example.com", "errors-6"),
      }),
      403,
      "denied",
    ],
    [
      "no such export",
      answer(`${u}/export/nothing.csv`, { headers: someone(7) }),
      404,
      "not_found",
    ],
    [
      "foreign Host",
      answer(`${u}/mcp/tools`, { headers: { Origin: "http://evil.example" } }),
      403,
      "forbidden_host",
    ],
    ["no token", answer(`${guarded.url}/mcp/tools`), 401, "unauthorized"],
  ];
  for (const [what, pending, status, code] of cases) {
    const { status: got, type, body } = await pending;
    assert.equal(got, status, `${what}: ${JSON.stringify(body)}`);
    assert.deepEqual(Object.keys(body).sort(), ["error", "message", "success"], what);
    assert.equal(body.success, false, what);
    assert.equal(body.error, code, what);
    // Bilingual, but for the refusal the guide gives verbatim in Chinese.
    assert.match(
      String(body.message),
      code === "denied"
        ? /^权限不足：用户角色 USER 无权访问工具 export_all_data$/
        : /[\u4e00-\u9fff].* \/ .*[a-z]/,
      what,
    );
    assert.match(type, /^application\/json/, what);
  }
  // The REST rate limit: the second download within the minute.
  await fetch(`${u}/export/wells.csv`, { headers: someone(8) }).then((r) => r.body?.cancel());
  const limited = await answer(`${u}/export/wells.csv`, { headers: someone(8) });
  assert.equal(limited.status, 429);
  assert.deepEqual(Object.keys(limited.body).sort(), ["error", "message", "success"]);
  assert.equal(limited.body.error, "rate_limited");
});

test("errors of a JSON-RPC message are JSON-RPC errors carrying its id", async () => {
  const u = server.url;
  const parse = await post("/mcp", 10, "{not json");
  assert.deepEqual([
    parse.status,
    parse.body.jsonrpc,
    parse.body.id,
    (parse.body.error as { code: number }).code,
  ], [400, "2.0", null, -32700]);
  const batch = await post("/mcp/call-tool", 11, "[]");
  assert.deepEqual([batch.status, (batch.body.error as { code: number }).code], [400, -32600]);
  const badParams = await post(
    "/mcp",
    12,
    JSON.stringify({ jsonrpc: "2.0", id: "q1", method: "tools/call", params: { arguments: {} } }),
  );
  assert.deepEqual([
    badParams.status,
    badParams.body.id,
    (badParams.body.error as { code: number }).code,
  ], [400, "q1", -32602]);
  const call = JSON.stringify({
    jsonrpc: "2.0",
    id: 42,
    method: "tools/call",
    params: { name: "list_wells", arguments: { limit: 1 } },
  });
  assert.equal((await post("/mcp", 13, call)).status, 200);
  const limited = await post("/mcp", 13, call);
  assert.deepEqual(
    [limited.status, limited.body.id, (limited.body.error as { code: number }).code],
    [429, 42, -32000],
  );
  const get = await answer(`${u}/mcp`, { headers: someone(14) });
  assert.deepEqual([get.status, (get.body.error as { code: number }).code], [405, -32000]);
});

test("the one onError: an HttpError answers as built; a fault is logged with its stack and answered 500 in the route's surface", async () => {
  const lines: Record<string, unknown>[] = [];
  const hono = new Hono();
  hono.onError(
    errorHandler(createLogger({
      level: "debug",
      format: "json",
      write: (l) => lines.push(JSON.parse(l)),
    })),
  );
  hono.get("/refuse", () => {
    throw new HttpError({
      status: 409,
      code: "conflict",
      message: "冲突 / conflict",
      headers: { "retry-after": "1" },
    });
  });
  hono.all("*", () => {
    throw new Error("boom");
  });
  const refused = await hono.request("/refuse");
  assert.equal(refused.status, 409);
  assert.equal(refused.headers.get("retry-after"), "1");
  assert.deepEqual(await refused.json(), {
    success: false,
    error: "conflict",
    message: "冲突 / conflict",
  });
  assert.equal(lines.length, 0, "a refusal is not a fault");
  const rest = await hono.request("/other");
  assert.equal(rest.status, 500);
  assert.deepEqual(await rest.json(), {
    success: false,
    error: "internal",
    message: "服务器内部错误 / internal server error: boom",
  });
  const mcp = await hono.request("/mcp", { method: "POST" });
  assert.equal(mcp.status, 500);
  assert.deepEqual(await mcp.json(), {
    jsonrpc: "2.0",
    id: null,
    error: { code: -32603, message: "服务器内部错误 / internal server error: boom" },
  });
  assert.equal(lines.length, 2);
  assert.match(String(lines[0].stack), /boom/);
});

test("a HEAD probe of the SSE routes needs no identity and opens nothing (LibreChat's OAuth probe)", async () => {
  for (const path of ["/sse", "/mcp/call-tool"]) {
    const res = await fetch(`${server.url}${path}`, {
      method: "HEAD",
      headers: { "X-User-Role": "{{LIBRECHAT_USER_ROLE}}" },
    });
    assert.equal(res.status, 200, path);
  }
});

test("a refusal sent before the body was read closes the connection, so no client reuses it; one after reading it keeps it", async () => {
  const refused = await fetch(`${server.url}/mcp/call-tool`, {
    method: "POST",
    headers: { ...identity("USER"), "content-type": "text/plain" },
    body: JSON.stringify({ name: "list_wells", arguments: {} }),
  });
  assert.equal(refused.status, 415);
  assert.equal(refused.headers.get("connection"), "close");
  await refused.text();
  const answered = await fetch(`${server.url}/mcp/call-tool`, {
    method: "POST",
    headers: { ...identity("USER"), "content-type": "application/json" },
    body: "{not json",
  });
  assert.equal(answered.status, 400);
  assert.notEqual(answered.headers.get("connection"), "close");
  await answered.text();
});
