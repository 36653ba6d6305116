import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { holdWriteLock } from "../helpers/write-lock.ts";
import { identity, restCall, startTestServer } from "../helpers/server.ts";
import type { TestServer } from "../helpers/server.ts";

let server: TestServer;
before(async () => (server = await startTestServer({ SEED_DEMO_DATA: "1" })));
after(() => server.close());

test("while another program holds the write lock, a call and a refused identity are answered at once, and their audit rows are stored once it lets go (real HTTP)", async () => {
  const path = join(server.dir, "oilfield.db");
  const lock = await holdWriteLock(path);
  const rows = async () =>
    (await server.db.execute(
      "SELECT tool, outcome FROM audit_log WHERE email = 'locked-audit@example.com' OR (tool = '(identity)' AND arguments LIKE '%LIBRECHAT_USER_ROLE%') ORDER BY id",
    )).rows.map((r) => `${r.tool}:${r.outcome}`);
  try {
    const call = await restCall(
      server.url,
      identity("USER", "locked-audit@example.com"),
      "list_wells",
      { limit: 2 },
    );
    assert.equal(call.status, 200, JSON.stringify(call.body));
    const refused = await fetch(`${server.url}/mcp/tools`, {
      headers: {
        "X-User-Role": "{{LIBRECHAT_USER_ROLE}}",
        "X-User-Email": "x@example.com",
        "X-User-ID": "x",
      },
    });
    assert.equal(refused.status, 401);
    await refused.text();
    // Answered with the lock still held, so neither row can be stored yet: the answers did not wait for them.
    assert.deepEqual(await rows(), []);
  } finally {
    await lock.release();
  }
  // Stored once the lock is free (the writer's busy wait, or the sink's next try).
  for (let i = 0; i < 200 && (await rows()).length < 2; i++) {
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  assert.deepEqual((await rows()).sort(), ["(identity):unauthorized", "list_wells:ok"]);
});
