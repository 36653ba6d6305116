import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { createToolRegistry, LIST_JSON_CACHE_MAX } from "../../lib/mcp/registry.ts";
import { TOOLS } from "../../lib/tools/index.ts";
import { parseToolFilter } from "../../lib/mcp/toolsets.ts";
import { MCP_POST_HEADERS, postMcp } from "../helpers/mcp-post.ts";
import { identity, startTestServer } from "../helpers/server.ts";
import type { TestServer } from "../helpers/server.ts";

// A plain 2025-era tools/list is answered from the registry's serialized list, not by an SDK server
// built per request (lib/mcp/streamable.ts). These tests hold that answer equal to the SDK's.

let server: TestServer;
let mapped: TestServer;
before(async () => {
  server = await startTestServer({ SEED_DEMO_DATA: "0" });
  mapped = await startTestServer({ SEED_DEMO_DATA: "0", ROLE_MAP: "geologist=ENGINEER" });
});
after(async () => {
  await server.close();
  await mapped.close();
});

type ListBody = { id?: unknown; result?: { tools: { name: string }[] } };
const post = (url: string, headers: Record<string, string>, body: unknown) =>
  postMcp<ListBody>(url, headers, body);

// A `_meta` in params makes the request one the cached answer does not take: the SDK server answers it.
const plain = (id: string | number) => ({ jsonrpc: "2.0", id, method: "tools/list" });
const viaSdk = (id: string | number) => ({
  jsonrpc: "2.0",
  id,
  method: "tools/list",
  params: { _meta: { progressToken: 7 } },
});

for (
  const [role, query] of [["USER", ""], ["ENGINEER", ""], ["ADMIN", ""], ["ADMIN", "?tools=read"], [
    "ENGINEER",
    "?tools=analysis,export_all_data",
  ], ["nobody", ""]] as const
) {
  test(`a plain tools/list answers ${role}${query} exactly as the SDK server does`, async () => {
    const url = `${server.url}/mcp${query}`;
    for (const id of [1, 'req-"7"', 0]) {
      const cached = await post(url, identity(role), plain(id));
      const sdk = await post(url, identity(role), viaSdk(id));
      assert.equal(cached.status, 200);
      assert.equal(cached.type, sdk.type);
      assert.deepEqual(cached.body, sdk.body);
      assert.equal(cached.body.id, id);
    }
  });
}

test("two roles get different cached lists, and an endpoint filter does not leak into the unfiltered list", async () => {
  const names = async (role: string, query = "") =>
    (await post(`${server.url}/mcp${query}`, identity(role), plain(1))).body.result!.tools.map((
      t,
    ) => t.name);
  const admin = await names("ADMIN");
  const user = await names("USER");
  assert.ok(
    admin.includes("export_all_data") && !user.includes("export_all_data"),
    "ADMIN's list has export_all_data, USER's has not",
  );
  assert.ok(user.length < admin.length);
  assert.deepEqual(await names("ADMIN", "?tools=export_all_data"), ["export_all_data"]);
  assert.deepEqual(await names("ADMIN"), admin, "the full list again after a filtered one");
  assert.deepEqual(await names("USER"), user);
});

test("the list follows the configured role map: a mapped role gets its permission role's list", async () => {
  const names = async (s: TestServer, role: string) =>
    (await post(`${s.url}/mcp`, identity(role), plain(1))).body.result!.tools.map((t) => t.name);
  assert.deepEqual(await names(server, "geologist"), [], "unmapped: an unknown role lists nothing");
  assert.deepEqual(await names(mapped, "geologist"), await names(mapped, "ENGINEER"));
  assert.ok((await names(mapped, "geologist")).includes("save_drilling_daily"));
});

test("requests the cached answer does not take still get the SDK's checks", async () => {
  const url = `${server.url}/mcp`;
  const badVersion = await post(
    url,
    { ...identity("USER"), "mcp-protocol-version": "1999-01-01" },
    plain(1),
  );
  assert.equal(badVersion.status, 400, "an unsupported protocol version is refused as before");
  const res = await fetch(url, {
    method: "POST",
    headers: { ...MCP_POST_HEADERS, ...identity("USER"), accept: "application/json" },
    body: JSON.stringify(plain(1)),
  });
  assert.equal(res.status, 406, "a client that does not accept SSE is refused as before");
  await res.body?.cancel();
  const withCursor = await post(url, identity("USER"), { ...plain(2), params: { cursor: "x" } });
  assert.equal(withCursor.status, 200);
  assert.equal(withCursor.body.id, 2);
});

test("the registry keeps serialized lists per role and filter, and at most a bounded number of filtered ones", () => {
  const registry = createToolRegistry(TOOLS);
  const decode = (bytes: Uint8Array) =>
    JSON.parse(new TextDecoder().decode(bytes)) as { name: string }[];
  assert.deepEqual(
    decode(registry.listJson("USER")),
    JSON.parse(JSON.stringify(registry.listFor("USER"))),
  );
  assert.deepEqual(decode(registry.listJson(null)), []);
  const read = parseToolFilter("read");
  const first = registry.listJson("ADMIN", read);
  assert.equal(
    registry.listJson("ADMIN", parseToolFilter("read")),
    first,
    "an equal filter is served from the cache",
  );
  assert.deepEqual(
    decode(first).map((t) => t.name),
    registry.listFor("ADMIN", read).map((t) => t.name),
  );
  // More distinct filters than the cache holds (clients choose `?tools=`): the oldest entry is dropped.
  const names = registry.all.map((t) => t.name);
  for (let i = 0; i < LIST_JSON_CACHE_MAX + 10; i++) {
    registry.listJson(
      "ADMIN",
      new Set([names[i % names.length], names[(i * 7 + 3) % names.length], `#${i}`]),
    );
  }
  const again = registry.listJson("ADMIN", read);
  assert.notEqual(again, first, "evicted, then made again");
  assert.deepEqual(decode(again), decode(first));
});
