import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtemp, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { baseEnv, runTs, spawnServer } from "../helpers/spawn-server.ts";
import type { SpawnedServer } from "../helpers/spawn-server.ts";
import { identity, restCall } from "../helpers/server.ts";

// In a spawned server: before the fix, the call after `chattr +i` killed the process (SIGBUS).
let server: SpawnedServer;
let dir: string;
let db: string;
before(async () => {
  dir = await mkdtemp(join(tmpdir(), "oilfield-shm-"));
  db = join(dir, "o.db");
  const { command, args } = runTs("main.ts");
  server = await spawnServer(command, args, {
    env: baseEnv({ PORT: "0", HOST: "127.0.0.1", DATABASE_URL: `file:${db}`, LOG_FORMAT: "json" }),
  });
});
after(async () => {
  await server.stop();
  await rm(dir, { recursive: true, force: true });
});

const admin = identity("ADMIN");
const health = async () => {
  const res = await fetch(`${server.url}/health`);
  return { status: res.status, body: await res.json() };
};

test("o.db, o.db-wal and o.db-shm made immutable: 503 and clear errors, no SIGBUS; service resumes when writable again", async () => {
  const write = await restCall(server.url, identity("ENGINEER"), "update_drilling_record", {
    record_id: 7,
    depth_m: 3,
  });
  assert.equal(write.status, 200, JSON.stringify(write.body));
  const files = [db, `${db}-wal`, `${db}-shm`];
  for (const f of files) assert.ok((await stat(f)).isFile(), `${f} exists`);
  const healthy = await health();
  assert.equal(healthy.status, 200);
  // Fails, not skips, where chattr is missing: this test guards against a crash.
  execFileSync("chattr", ["+i", ...files]);
  try {
    for (let i = 0; i < 3; i++) {
      const h = await health();
      assert.equal(h.status, 503, JSON.stringify(h.body));
      assert.equal(h.body.fault, "unavailable");
      assert.match(
        h.body.error,
        /共享内存文件 ".*o\.db-shm" 无法写入 \(EPERM\).*chattr -i.*shared-memory file ".*o\.db-shm" cannot be written/,
      );
      for (
        const [name, args] of [["list_wells", {}], ["query_drilling_data", { limit: 1 }], [
          "update_drilling_record",
          { record_id: 7, depth_m: 4 },
        ]] as const
      ) {
        const res = await restCall(server.url, admin, name, args);
        assert.equal(res.status, 500, `${name}: ${JSON.stringify(res.body)}`);
        assert.match(res.body.message, /o\.db-shm.*cannot be written/, name);
      }
    }
    assert.equal(server.child.exitCode, null, "the process is alive");
    assert.equal(server.child.signalCode, null, "no SIGBUS");
  } finally {
    execFileSync("chattr", ["-i", ...files]);
  }
  assert.deepEqual(await health(), healthy, "healthy again once writable");
  const again = await restCall(server.url, identity("ENGINEER"), "update_drilling_record", {
    record_id: 7,
    depth_m: 4,
  });
  assert.equal(again.status, 200, JSON.stringify(again.body));
});
