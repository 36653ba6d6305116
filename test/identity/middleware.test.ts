import { test } from "node:test";
import assert from "node:assert/strict";
import { Hono } from "hono";
import { identity } from "../../lib/identity/middleware.ts";

function app(options: Parameters<typeof identity>[0] = {}) {
  const refused: string[] = [];
  const reached: string[] = [];
  const hono = new Hono();
  hono.use(
    "*",
    identity({ ...options, onRefused: (c, reason) => refused.push(`${c.req.path} ${reason}`) }),
  );
  hono.all("*", (c) => {
    reached.push(c.req.path);
    const user = c.var.user;
    return c.json({
      id: user.id,
      email: user.email,
      role: user.role,
      tools: user.tools ? [...user.tools].sort() : null,
    });
  });
  return { hono, refused, reached };
}

test("the caller is on the context as c.var.user, its role mapped through ROLE_MAP", async () => {
  const { hono } = app({ roleMap: new Map([["GEOLOGIST", "USER" as const]]) });
  const res = await hono.request("/x", {
    headers: { "X-User-Role": " geologist ", "X-User-Email": "geo@example.com", "X-User-ID": "u7" },
  });
  assert.equal(res.status, 200);
  assert.deepEqual(await res.json(), {
    id: "u7",
    email: "geo@example.com",
    role: { raw: "geologist", role: "USER" },
    tools: null,
  });
});

test("fails closed: a missing or unknown role is the role null, an unreadable header is 401 and no handler runs", async () => {
  const { hono, refused, reached } = app();
  assert.deepEqual((await (await hono.request("/none")).json()).role, { raw: "", role: null });
  assert.deepEqual(
    (await (await hono.request("/odd", { headers: { "X-User-Role": "superuser" } })).json()).role,
    { raw: "superuser", role: null },
  );
  assert.deepEqual(reached, ["/none", "/odd"]);
  for (
    const [header, value, said] of [
      ["X-User-Role", "{{LIBRECHAT_USER_ROLE}}", /did not substitute it/],
      ["X-User-Email", "b64:@@@", /not base64/],
      ["X-User-ID", `b64:${btoa("\xff\xfe")}`, /not UTF-8/],
    ] as const
  ) {
    const res = await hono.request("/refused", { headers: { [header]: value } });
    assert.equal(res.status, 401, value);
    const body = await res.json();
    assert.deepEqual(Object.keys(body).sort(), ["error", "message", "success"]);
    assert.equal(body.success, false);
    assert.equal(body.error, "unauthorized");
    assert.match(body.message, said);
  }
  assert.deepEqual(reached, ["/none", "/odd"], "a refused identity reaches no handler");
  assert.equal(refused.length, 3);
  assert.match(refused[0], /^\/refused .*LIBRECHAT_USER_ROLE/);
});

test("?tools= narrows MCP_TOOLS for this endpoint only; an invalid value is 400 naming it", async () => {
  const { hono, reached } = app({
    tools: new Set(["list_wells", "analyze_rop", "export_all_data"]),
  });
  const headers = { "X-User-Role": "ADMIN" };
  assert.deepEqual((await (await hono.request("/a", { headers })).json()).tools, [
    "analyze_rop",
    "export_all_data",
    "list_wells",
  ]);
  assert.deepEqual((await (await hono.request("/a?tools=analysis", { headers })).json()).tools, [
    "analyze_rop",
  ]);
  const bad = await hono.request("/b?tools=nonsense", { headers });
  assert.equal(bad.status, 400);
  const body = await bad.json();
  assert.equal(body.error, "invalid");
  assert.match(body.message, /tools="nonsense"/);
  assert.deepEqual(reached, ["/a", "/a"]);
});
