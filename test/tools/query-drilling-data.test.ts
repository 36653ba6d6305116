import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { identity, restCall, startTestServer } from "../helpers/server.ts";
import type { TestServer } from "../helpers/server.ts";

let server: TestServer;
before(async () => (server = await startTestServer()));
after(() => server.close());
const call = (args: Record<string, unknown>) =>
  restCall(server.url, identity("USER"), "query_drilling_data", args);

test("filters by well, dates, depth and formation agree with SQL", async () => {
  const { body } = await call({
    well_id: "W003",
    date_from: "2026-07-10",
    date_to: "2026-07-20",
    depth_min_m: 500,
    limit: 1000,
    include_total: true,
  });
  const expected = await server.db.execute(
    "SELECT id FROM drilling_daily WHERE well_id = 'W003' AND report_date BETWEEN '2026-07-10' AND '2026-07-20' AND depth_m >= 500 ORDER BY report_date DESC",
  );
  assert.ok(expected.rows.length > 0);
  assert.deepEqual(
    body.result.records.map((r: { id: number }) => r.id),
    expected.rows.map((r) => r.id),
  );
  assert.equal(body.result.total, expected.rows.length);

  const slow = await call({ formation: "八道湾", limit: 1000, include_total: true });
  assert.ok(slow.body.result.total > 0);
  assert.ok(
    slow.body.result.records.every((r: { formation: string }) => r.formation.includes("八道湾")),
  );
});

test("paging walks every row exactly once; the cap is stated", async () => {
  const seen = new Set<number>();
  let offset: number | null = 0;
  let pages = 0;
  while (offset !== null) {
    const { body } = await call({ well_id: "W001", limit: 7, offset });
    for (const r of body.result.records) seen.add(r.id);
    assert.equal(body.result.total, null, "no count unless asked");
    assert.equal(body.result.has_more, body.result.next_offset !== null);
    offset = body.result.next_offset;
    pages++;
    assert.equal(body.result.limit_cap, 1000);
  }
  const n =
    (await server.db.execute("SELECT count(*) AS n FROM drilling_daily WHERE well_id = 'W001'"))
      .rows[0].n;
  assert.equal(seen.size, n);
  assert.equal(pages, Math.ceil(Number(n) / 7));
});

test("a filter that selects nothing says so plainly; it is not an error", async () => {
  const { status, body } = await call({
    well_id: "W001",
    date_from: "2030-01-01",
    include_total: true,
  });
  assert.equal(status, 200);
  assert.equal(body.result.total, 0);
  assert.equal(body.result.has_more, false);
  assert.match(body.text, /没有符合条件的钻井日报/);
});
