import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { loadConfig } from "../../lib/config/config.ts";
import { sseStoreFromConfig } from "../../lib/mcp/sse.ts";
import { canCall } from "../../lib/permissions.ts";
import { TOOLS } from "../../lib/tools/index.ts";
import { openEventStream, send } from "../helpers/http-client.ts";
import { readYaml } from "../helpers/librechat-config.ts";
import { connectAsLibreChat } from "../helpers/librechat-connect.ts";
import type { McpServerEntry } from "../helpers/librechat-connect.ts";
import { resolveLibreChatHeaders } from "../helpers/librechat.ts";
import { libreChatDetectsOAuth } from "../helpers/librechat-oauth.ts";
import type { LibreChatUser } from "../helpers/librechat.ts";
import { textOf } from "../helpers/mcp-client.ts";
import { identity, startTestServer } from "../helpers/server.ts";
import type { TestServer } from "../helpers/server.ts";

// LibreChat's side, driven as LibreChat drives it: the shipped librechat.yaml entries, headers
// resolved from user records, one SDK client connection per user, both transports.
const TOKEN = "e2e-token-0123456789abcdef";
const ENV = { OILFIELD_MCP_TOKEN: TOKEN };
const ADMIN: LibreChatUser = {
  id: "665f1a2b3c4d5e6f7a8b9c01",
  name: "Site Admin",
  username: "admin",
  email: "admin@oilfield.example",
  role: "ADMIN",
  provider: "local",
};
const WANG: LibreChatUser = {
  id: "665f1a2b3c4d5e6f7a8b9c02",
  name: "王建国",
  username: "wangjg",
  email: "王建国@油田.cn",
  role: "USER",
  provider: "local",
};
// Expected lists come from the one role map; the transports must show exactly those.
const ALL_TOOLS = TOOLS.map((t) => t.name).sort();
const READ_TOOLS = ALL_TOOLS.filter((name) => canCall("USER", name));
const DENIED_DELETE = "权限不足：用户角色 USER 无权访问工具 delete_drilling_record";

const entries = (file: string) =>
  // deno-lint-ignore no-explicit-any
  readYaml(readFileSync(file, "utf8")).mcpServers as Record<string, any>;
const recommended = entries("deploy/librechat.yaml");
const guide = entries("deploy/librechat.guide.yaml")["oilfield-drilling"];

const sse = sseStoreFromConfig(loadConfig({}));
let server: TestServer;
let open: TestServer;
before(async () => {
  server = await startTestServer({ MCP_AUTH_TOKEN: TOKEN }, { sse });
  open = await startTestServer();
});
after(async () => {
  await server.close();
  await open.close();
});

/** An `mcpServers` entry pointed at a test server (only scheme, host and port change). */
function at(
  s: TestServer,
  entry: McpServerEntry,
  path?: string,
  type = entry.type,
): McpServerEntry {
  const url = new URL(entry.url);
  return { ...entry, type, url: `${s.url}${path ?? url.pathname}` };
}

async function until(condition: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 200 && !condition(); i++) await new Promise((r) => setTimeout(r, 25));
  assert.ok(condition(), what);
}

async function liveRecordIds(s: TestServer, n: number, offset: number): Promise<number[]> {
  const rs = await s.db.execute(
    "SELECT id FROM drilling_daily WHERE deleted_at IS NULL ORDER BY id LIMIT ? OFFSET ?",
    [n, offset],
  );
  return rs.rows.map((r) => Number(r.id));
}

/** Everything a refused call could have changed. */
async function snapshot(s: TestServer): Promise<string> {
  const rs = await s.db.execute(
    "SELECT (SELECT count(*) FROM drilling_daily) AS n, (SELECT count(*) FROM drilling_daily WHERE deleted_at IS NULL) AS live, " +
      "(SELECT count(*) FROM record_history) AS history, (SELECT group_concat(id) FROM drilling_daily WHERE deleted_at IS NOT NULL) AS deleted",
  );
  return JSON.stringify(rs.rows[0]);
}

const userHeaders = (user: LibreChatUser, env: Record<string, string> = ENV) =>
  resolveLibreChatHeaders(recommended["oilfield-drilling"].headers, user, env);

test("LibreChat's headers for the Chinese-named user carry b64: values", () => {
  const headers = userHeaders(WANG);
  assert.match(headers["X-User-Email"], /^b64:/);
  assert.equal(headers["X-User-Role"], "USER");
  assert.equal(headers.Authorization, `Bearer ${TOKEN}`);
});

for (
  const [type, path] of [["streamable-http", "/mcp"], ["streamable-http", "/mcp/call-tool"], [
    "sse",
    "/sse",
  ], ["sse", "/mcp/call-tool"]] as const
) {
  test(`${type} at ${path}: one connection per user, each sees its tools, calls succeed or are refused by role`, async () => {
    const entry = at(server, recommended["oilfield-drilling"], path, type);
    const [target] = await liveRecordIds(server, 1, 0);
    const [mine] = await liveRecordIds(server, 1, 1);
    const [admin, wang] = await Promise.all([
      connectAsLibreChat(entry, ADMIN, ENV),
      connectAsLibreChat(entry, WANG, ENV),
    ]);
    try {
      assert.deepEqual((await admin.listTools()).tools.map((t) => t.name).sort(), ALL_TOOLS);
      assert.deepEqual((await wang.listTools()).tools.map((t) => t.name).sort(), READ_TOOLS);
      assert.deepEqual(await wang.ping(), {});

      const query = await wang.callTool({ name: "query_drilling_data", arguments: { limit: 2 } });
      assert.equal(query.isError, undefined, textOf(query));
      assert.equal((query.structuredContent as { records: unknown[] }).records.length, 2);
      const label = type === "sse" ? "sse" : "streamable_http";
      assert.ok(
        server.logs.some((l) =>
          l.email === WANG.email && l.tool === "query_drilling_data" && l.transport === label
        ),
        "the b64: email is decoded in the log",
      );

      const before = await snapshot(server);
      const refused = await wang.callTool({
        name: "delete_drilling_record",
        arguments: { record_id: target },
      });
      assert.equal(refused.isError, true);
      assert.equal(textOf(refused), DENIED_DELETE);
      assert.equal(await snapshot(server), before, "a refused delete changes nothing");

      const deleted = await admin.callTool({
        name: "delete_drilling_record",
        arguments: { record_id: mine },
      });
      assert.equal(deleted.isError, undefined, textOf(deleted));
      const row = await server.db.execute("SELECT deleted_at FROM drilling_daily WHERE id = ?", [
        mine,
      ]);
      assert.notEqual(row.rows[0].deleted_at, null);
    } finally {
      await admin.close();
      await wang.close();
    }
    if (type === "sse") {
      await until(() => sse.size === 0, "closing the clients ends their SSE sessions");
    }
  });
}

for (const type of ["sse", "streamable-http"]) {
  test(`the guide's librechat.yaml works verbatim with type: ${type} at /mcp/call-tool, and REST stays REST there`, async () => {
    assert.equal(guide.url, "http://localhost:8080/mcp/call-tool");
    const entry = at(open, guide, undefined, type);
    const [target] = await liveRecordIds(open, 1, 0);
    const [admin, wang] = await Promise.all([
      connectAsLibreChat(entry, ADMIN),
      connectAsLibreChat(entry, WANG),
    ]);
    try {
      assert.equal((await admin.listTools()).tools.length, ALL_TOOLS.length);
      assert.deepEqual((await wang.listTools()).tools.map((t) => t.name).sort(), READ_TOOLS);
      const before = await snapshot(open);
      assert.equal(
        textOf(
          await wang.callTool({ name: "delete_drilling_record", arguments: { record_id: target } }),
        ),
        DENIED_DELETE,
      );
      assert.equal(await snapshot(open), before);
    } finally {
      await admin.close();
      await wang.close();
    }
    const headers = {
      "content-type": "application/json",
      ...resolveLibreChatHeaders(guide.headers, ADMIN),
    };
    const rest = await fetch(`${open.url}/mcp/call-tool`, {
      method: "POST",
      headers,
      body: JSON.stringify({ name: "query_drilling_data", arguments: { limit: 5 } }),
    });
    assert.equal(rest.status, 200);
    assert.equal((await rest.json()).result.records.length, 5);
  });
}

test("no token, a wrong token, or a forged X-User-Role: ADMIN without the token: 401 naming the header, nothing changed", async () => {
  const [target] = await liveRecordIds(server, 1, 0);
  const before = await snapshot(server);
  const body = JSON.stringify({ name: "delete_drilling_record", arguments: { record_id: target } });
  const forged = identity("ADMIN", "mallory@example.com", "1");
  const { Authorization: _token, ...noToken } = userHeaders(ADMIN);
  for (
    const [headers, message] of [
      [noToken, /missing token: send the header Authorization: Bearer/],
      [
        userHeaders(ADMIN, {}),
        /unexpanded variable "\$\{OILFIELD_MCP_TOKEN\}": LibreChat did not substitute it; set it in LibreChat's \.env/,
      ],
      [userHeaders(ADMIN, { OILFIELD_MCP_TOKEN: "not-the-token-0123456789" }), /wrong token/],
      [forged, /missing token/],
    ] as const
  ) {
    const res = await fetch(`${server.url}/mcp/call-tool`, {
      method: "POST",
      headers: { "content-type": "application/json", ...headers },
      body,
    });
    assert.equal(res.status, 401);
    assert.match((await res.json()).message, message);
  }
  for (const type of ["sse", "streamable-http"]) {
    const entry = {
      ...at(server, recommended["oilfield-drilling"], type === "sse" ? "/sse" : "/mcp", type),
      headers: forged,
    };
    await assert.rejects(
      connectAsLibreChat(entry, ADMIN),
      (e: Error & { code?: number }) => e.code === 401 || /401|missing token/.test(e.message),
      type,
    );
  }
  assert.equal(await snapshot(server), before);
  assert.equal(sse.size, 0);
});

test("a literal {{LIBRECHAT_USER_ROLE}} (the user record has no role) is refused with 401 saying LibreChat did not substitute it", async () => {
  const { role: _role, ...noRole } = ADMIN;
  const headers = userHeaders(noRole);
  assert.equal(headers["X-User-Role"], "{{LIBRECHAT_USER_ROLE}}");
  const before = await snapshot(server);
  const entry = at(server, recommended["oilfield-drilling"], "/mcp", "streamable-http");
  await assert.rejects(connectAsLibreChat(entry, noRole, ENV), /LibreChat did not substitute it/);
  const [target] = await liveRecordIds(server, 1, 0);
  const res = await fetch(`${server.url}/mcp/call-tool`, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify({ name: "delete_drilling_record", arguments: { record_id: target } }),
  });
  assert.equal(res.status, 401);
  assert.match((await res.json()).message, /X-User-Role|x-user-role/);
  const sseRes = await send(`${server.url}/sse`, { headers });
  assert.equal(sseRes.status, 401);
  assert.equal(await snapshot(server), before);
  assert.equal(sse.size, 0);
});

test("a session id used by another user is refused with 403; the session and the data are untouched", async () => {
  const [target] = await liveRecordIds(server, 1, 0);
  const stream = await openEventStream(`${server.url}/sse`, { headers: userHeaders(ADMIN) });
  try {
    const endpoint = await stream.next();
    assert.equal(endpoint.event, "endpoint");
    assert.match(endpoint.data, /^\/messages\?sessionId=[0-9a-f-]{36}$/);
    const before = await snapshot(server);
    const attack = JSON.stringify({
      jsonrpc: "2.0",
      id: 666,
      method: "tools/call",
      params: { name: "delete_drilling_record", arguments: { record_id: target } },
    });
    const intruders = [userHeaders(WANG), { ...userHeaders(WANG), "X-User-Role": "ADMIN" }, {
      ...userHeaders(ADMIN),
      "X-User-ID": "someone-else",
    }];
    for (const path of [endpoint.data, endpoint.data.replace("/messages", "/mcp/call-tool")]) {
      for (const headers of intruders) {
        const res = await send(`${server.url}${path}`, {
          method: "POST",
          headers: { "content-type": "application/json", ...headers },
          body: attack,
        });
        assert.equal(res.status, 403, `${path} ${headers["X-User-ID"]}`);
        const body = JSON.parse(res.body);
        assert.equal(body.error, "session_identity_mismatch");
        assert.match(body.message, /belongs to another user/);
      }
    }
    assert.equal(await snapshot(server), before);

    // The opener's session still works, and the refused request never reached it.
    const ping = await send(`${server.url}${endpoint.data}`, {
      method: "POST",
      headers: { "content-type": "application/json", ...userHeaders(ADMIN) },
      body: JSON.stringify({ jsonrpc: "2.0", id: 1, method: "ping" }),
    });
    assert.equal(ping.status, 202);
    const answer = await stream.next();
    assert.deepEqual(JSON.parse(answer.data), { jsonrpc: "2.0", id: 1, result: {} });

    const unknown = await send(
      `${server.url}/messages?sessionId=00000000-0000-0000-0000-000000000000`,
      {
        method: "POST",
        headers: { "content-type": "application/json", ...userHeaders(ADMIN) },
        body: attack,
      },
    );
    assert.equal(unknown.status, 404);
    assert.match(JSON.parse(unknown.body).message, /unknown or has expired/);
  } finally {
    stream.close();
  }
  await until(() => sse.size === 0, "the dropped stream ends its session");
});

test("a foreign Host or Origin is refused with 403 even with the token; nothing changed, no session opened", async () => {
  const [target] = await liveRecordIds(server, 1, 0);
  const before = await snapshot(server);
  const headers = { "content-type": "application/json", ...userHeaders(ADMIN) };
  const body = JSON.stringify({ name: "delete_drilling_record", arguments: { record_id: target } });
  const foreign: Record<string, string>[] = [{ Host: `evil.example:${server.port}` }, {
    Origin: "http://evil.example",
  }];
  for (const extra of foreign) {
    const res = await send(`${server.url}/mcp/call-tool`, {
      method: "POST",
      headers: { ...headers, ...extra },
      body,
    });
    assert.equal(res.status, 403);
    const answer = JSON.parse(res.body);
    assert.equal(answer.error, "forbidden_host");
    assert.match(
      answer.message,
      /evil\.example.*is not allowed \(DNS-rebinding protection\).*ALLOWED_HOSTS/,
    );
    const get = await send(`${server.url}/sse`, { headers: { ...userHeaders(ADMIN), ...extra } });
    assert.equal(get.status, 403);
  }
  assert.equal(await snapshot(server), before);
  assert.equal(sse.size, 0);
});

test("OAuth probes get 404 without any header; /health needs no token; HEAD and Streamable GETs open no session", async () => {
  for (
    const path of [
      "/.well-known/oauth-protected-resource",
      "/.well-known/oauth-protected-resource/mcp",
      "/.well-known/oauth-authorization-server",
      "/.well-known/openid-configuration",
    ]
  ) {
    const res = await fetch(`${server.url}${path}`);
    assert.equal(res.status, 404, path);
    assert.match((await res.json()).message, /no OAuth/);
  }
  assert.equal((await fetch(`${server.url}/health`)).status, 200);
  assert.equal((await fetch(`${server.url}/mcp/tools`)).status, 401);
  const auth = userHeaders(ADMIN);
  assert.equal((await fetch(`${server.url}/sse`, { method: "HEAD", headers: auth })).status, 200);
  const streamableGet = await fetch(`${server.url}/mcp/call-tool`, {
    headers: { ...auth, accept: "text/event-stream", "mcp-protocol-version": "2025-06-18" },
  });
  assert.equal(streamableGet.status, 405);
  await streamableGet.body?.cancel();
  assert.equal(sse.size, 0);
});

test("SSE sessions are bounded (503 naming SSE_MAX_SESSIONS) and closed when idle (then 404)", async () => {
  const small = await startTestServer({
    SSE_MAX_SESSIONS: "2",
    SSE_IDLE_SECONDS: "1",
    SEED_DEMO_DATA: "0",
  });
  const headers = resolveLibreChatHeaders(guide.headers, WANG);
  const streams = [
    await openEventStream(`${small.url}/sse`, { headers }),
    await openEventStream(`${small.url}/sse`, { headers }),
  ];
  try {
    const endpoint = (await streams[0].next()).data;
    const full = await send(`${small.url}/sse`, { headers });
    assert.equal(full.status, 503);
    assert.equal(full.headers["retry-after"], "30");
    assert.match(JSON.parse(full.body).message, /SSE_MAX_SESSIONS/);
    // Nobody posts: the server ends the idle stream (comments are skipped by next()).
    await assert.rejects(streams[0].next(10_000), /ended/);
    const late = await send(`${small.url}${endpoint}`, {
      method: "POST",
      headers: { "content-type": "application/json", ...headers },
      body: JSON.stringify({ jsonrpc: "2.0", id: 1, method: "ping" }),
    });
    assert.equal(late.status, 404);
    const again = await openEventStream(`${small.url}/sse`, { headers });
    assert.equal(again.status, 200);
    streams.push(again);
  } finally {
    for (const s of streams) s.close();
    await small.close();
  }
});

test("with MCP_AUTH_TOKEN set, LibreChat's OAuth probe of an entry without requiresOAuth finds no OAuth; the entry connects; real calls without the token stay 401 (issue 17 item 12)", async () => {
  for (const path of ["/mcp", "/sse", "/mcp/call-tool"]) {
    const verdict = await libreChatDetectsOAuth(`${server.url}${path}`);
    assert.equal(verdict.requiresOAuth, false, `${path}: ${verdict.why}`);
  }
  // The entries as shipped, but without requiresOAuth: false (as the guide writes them).
  for (const [name, shipped] of Object.entries(recommended)) {
    const { requiresOAuth: _dropped, ...entry } = shipped;
    const client = await connectAsLibreChat(
      { ...entry, url: entry.url.replace("http://oilfield-mcp:8080", server.url) },
      ADMIN,
      ENV,
    );
    try {
      assert.ok((await client.listTools()).tools.length > 0, name);
    } finally {
      await client.close();
    }
  }
  // Fail closed: the probe's HEAD runs nothing and says nothing; GET and POST without the token get 401.
  const { Authorization: _token, ...noToken } = userHeaders(ADMIN);
  const sessions = sse.size;
  const head = await fetch(`${server.url}/sse`, { method: "HEAD", headers: noToken });
  assert.equal(head.status, 204);
  assert.equal(head.headers.get("www-authenticate"), null);
  assert.equal(head.headers.get("content-type"), null);
  const exportHead = await fetch(`${server.url}/export/drilling_daily.csv`, {
    method: "HEAD",
    headers: noToken,
  });
  assert.equal(exportHead.status, 204, "no handler ran: the same answer on every path");
  assert.ok(sse.size <= sessions, "no session opened");
  for (
    const [method, path] of [["GET", "/sse"], ["POST", "/mcp"], ["GET", "/mcp/tools"]] as const
  ) {
    const res = await fetch(`${server.url}${path}`, {
      method,
      headers: { ...noToken, "content-type": "application/json" },
      body: method === "POST" ? "{}" : undefined,
    });
    assert.equal(res.status, 401, `${method} ${path}`);
    assert.equal(res.headers.get("www-authenticate"), null);
    await res.body?.cancel();
  }
});
