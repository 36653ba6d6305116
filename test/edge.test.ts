import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ConfigError } from "../lib/config.ts";
import { createEdgeHandler } from "../lib/edge.ts";
import { denoExecutable } from "./helpers/executables.ts";
import { baseEnv } from "./helpers/spawn-server.ts";

test("a file: or :memory: DATABASE_URL is refused before anything is opened, saying why", async () => {
  const dir = mkdtempSync(join(tmpdir(), "oilfield-edge-"));
  try {
    const file = `file:${join(dir, "oilfield.db")}`;
    await assert.rejects(createEdgeHandler({ DATABASE_URL: file }), (e: Error) => {
      assert.ok(e instanceof ConfigError);
      assert.ok(e.message.includes(`DATABASE_URL="${file}" 不能用于 Deno Deploy / cannot be used on Deno Deploy`), e.message);
      assert.match(e.message, /Deno Deploy has no writable local files/);
      assert.match(e.message, /set it to a remote libSQL URL \(libsql:\/\/NAME\.turso\.io/);
      return true;
    });
    assert.deepEqual(readdirSync(dir), [], "no database file was created");
    await assert.rejects(createEdgeHandler({}), /DATABASE_URL \(unset, default "file:\.\/data\/oilfield\.db"\) 不能用于 Deno Deploy/);
    await assert.rejects(createEdgeHandler({ DATABASE_URL: ":memory:" }), /every isolate would get its own empty database/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("deploy/deno-deploy.ts under deno with a file: URL exits at start with that message", () => {
  const result = spawnSync(denoExecutable(), ["run", "-A", "deploy/deno-deploy.ts"], {
    env: baseEnv({ DATABASE_URL: "file:/data/oilfield.db", NO_COLOR: "1" }),
    encoding: "utf8",
  });
  assert.notEqual(result.status, 0);
  assert.match(result.stderr, /DATABASE_URL="file:\/data\/oilfield\.db" 不能用于 Deno Deploy \/ cannot be used on Deno Deploy: .*no writable local files/);
});
