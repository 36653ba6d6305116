import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { connectStreamable } from "../helpers/mcp-client.ts";
import { identity, restCall, startTestServer } from "../helpers/server.ts";
import type { TestServer } from "../helpers/server.ts";

let server: TestServer;
before(async () => (server = await startTestServer({ ROLE_MAP: "drilling_lead=ENGINEER" })));
after(() => server.close());

const admin = identity("ADMIN", "auditor@example.com", "u-auditor");
const b64 = (s: string) => `b64:${btoa(String.fromCharCode(...new TextEncoder().encode(s)))}`;
const audit = async (args: Record<string, unknown>) => {
  const r = await restCall(server.url, admin, "query_audit_log", args);
  assert.equal(r.status, 200, JSON.stringify(r.body));
  return r.body.result as {
    // deno-lint-ignore no-explicit-any -- assertions read JSON answers by path
    entries: Record<string, any>[];
    total: number;
    next_offset: number | null;
  };
};

test("allowed and denied calls on both transports are audited with the decoded identity", async () => {
  const zhang = {
    "X-User-Role": "drilling_lead",
    "X-User-Email": b64("张工@油田.cn"),
    "X-User-ID": "u-zhang",
    "X-User-Name": b64("张三"),
  };
  assert.equal((await restCall(server.url, zhang, "list_wells", { block: "石南" })).status, 200);
  assert.equal((await restCall(server.url, zhang, "export_all_data", {})).status, 403);
  const client = await connectStreamable(`${server.url}/mcp`, zhang);
  await client.callTool({ name: "get_well_summary", arguments: { well_id: "W001" } });
  await client.callTool({ name: "delete_drilling_record", arguments: { record_id: 1 } });
  await client.close();

  const { entries, total } = await audit({ user: "u-zhang" });
  assert.equal(total, 4);
  const seen = entries.map((e) => [e.transport, e.tool, e.outcome]).reverse();
  assert.deepEqual(seen, [
    ["rest", "list_wells", "ok"],
    ["rest", "export_all_data", "denied"],
    ["streamable_http", "get_well_summary", "ok"],
    ["streamable_http", "delete_drilling_record", "denied"],
  ]);
  for (const e of entries) {
    assert.equal(e.email, "张工@油田.cn");
    assert.equal(e.role_raw, "drilling_lead");
    assert.equal(e.role, "ENGINEER");
    assert.ok(e.duration_ms >= 0);
  }
  assert.equal(entries.at(-1)?.arguments, '{"block":"石南"}');
  assert.match(entries[0].message, /权限不足/);
  assert.equal((await audit({ user: "张工@油田.cn" })).total, 4, "email filter");
});

test("every outcome is audited, arguments are bounded, and filters and paging work", async () => {
  const eng = identity("ENGINEER", "e@example.com", "u-e");
  await restCall(server.url, eng, "query_drilling_data", { limit: -1 });
  await restCall(server.url, eng, "no_such_tool", {});
  await restCall(server.url, eng, "update_drilling_record", { record_id: 99_999_999, depth_m: 10 });
  await restCall(server.url, eng, "add_drilling_record", {
    well_id: "W001",
    report_date: "2000-01-01",
    main_work: "x".repeat(1900),
  });
  await restCall(server.url, eng, "add_drilling_record", {
    well_id: "W001",
    report_date: "2000-01-01",
  });
  await restCall(server.url, eng, "add_drilling_record", {
    well_id: "W001",
    report_date: "2000-01-02",
    main_work: "y".repeat(70_000),
  });
  const { entries } = await audit({ user: "u-e" });
  assert.deepEqual(entries.map((e) => e.outcome).reverse(), [
    "invalid",
    "unknown_tool",
    "not_found",
    "ok",
    "conflict",
    "too_large",
  ]);
  const huge = entries[0];
  assert.ok(huge.arguments_bytes > 70_000);
  assert.ok(huge.arguments.length < 4200);
  assert.match(huge.arguments, /…\[truncated, \d+ bytes\]$/);

  assert.equal((await audit({ user: "u-e", outcome: "conflict" })).total, 1);
  assert.equal((await audit({ user: "u-e", tool: "add_drilling_record" })).total, 3);
  const page = await audit({ user: "u-e", limit: 2, offset: 2 });
  assert.equal(page.entries.length, 2);
  assert.equal(page.next_offset, 4);
  assert.equal((await audit({ user: "u-e", since: "2000-01-01", until: "2000-12-31" })).total, 0);
  assert.equal(
    (await audit({ user: "u-e", since: entries.at(-1)?.at, until: entries[0].at })).total,
    6,
  );
  assert.equal((await audit({ user: "u-e", since: entries[0].at })).total, 1);
  assert.equal(
    (await restCall(server.url, admin, "query_audit_log", { since: "yesterday-ish" })).status,
    400,
  );
});

test("refused identities (401) are audited with the headers as received; non-admins cannot read the log", async () => {
  const res = await fetch(`${server.url}/mcp/call-tool`, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      "X-User-Role": "{{LIBRECHAT_USER_ROLE}}",
      "X-User-Email": "x@example.com",
    },
    body: "{}",
  });
  assert.equal(res.status, 401);
  await res.body?.cancel();
  // deno-lint-ignore no-explicit-any -- assertions read JSON answers by path
  let refused: Record<string, any>[] = [];
  for (let i = 0; i < 50 && refused.length === 0; i++) {
    refused = (await audit({ outcome: "unauthorized" })).entries;
    if (!refused.length) await new Promise((r) => setTimeout(r, 20));
  }
  assert.equal(refused.length, 1);
  assert.equal(refused[0].tool, "(identity)");
  assert.match(refused[0].arguments, /\{\{LIBRECHAT_USER_ROLE\}\}/);
  assert.match(refused[0].arguments, /x@example.com/);
  assert.equal(
    (await restCall(server.url, identity("ENGINEER"), "query_audit_log", {})).status,
    403,
  );
});
