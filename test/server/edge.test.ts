import { test } from "node:test";
import assert from "node:assert/strict";
import { spawn, spawnSync } from "node:child_process";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ConfigError } from "../../lib/config/config.ts";
import { createEdgeHandler, edgeServeOptions } from "../../lib/server/edge.ts";
import { denoExecutable } from "../helpers/executables.ts";
import { baseEnv } from "../helpers/spawn-server.ts";

test("a file: or :memory: DATABASE_URL is refused before anything is opened, saying why", async () => {
  const dir = mkdtempSync(join(tmpdir(), "oilfield-edge-"));
  try {
    const file = `file:${join(dir, "oilfield.db")}`;
    await assert.rejects(createEdgeHandler({ DATABASE_URL: file }), (e: Error) => {
      assert.ok(e instanceof ConfigError);
      assert.ok(
        e.message.includes(
          `DATABASE_URL="${file}" 不能用于 Deno Deploy / cannot be used on Deno Deploy`,
        ),
        e.message,
      );
      assert.match(
        e.message,
        /each Deno Deploy instance has its own local disk, wiped when the instance stops/,
      );
      assert.match(e.message, /set it to a remote libSQL URL \(libsql:\/\/NAME\.turso\.io/);
      return true;
    });
    assert.deepEqual(readdirSync(dir), [], "no database file was created");
    await assert.rejects(
      createEdgeHandler({}),
      /DATABASE_URL \(unset, default "file:\.\/data\/oilfield\.db"\) 不能用于 Deno Deploy/,
    );
    await assert.rejects(
      createEdgeHandler({ DATABASE_URL: ":memory:" }),
      /every isolate would get its own empty database/,
    );
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
  assert.match(
    result.stderr,
    /DATABASE_URL="file:\/data\/oilfield\.db" 不能用于 Deno Deploy \/ cannot be used on Deno Deploy: .*wiped when the instance stops/,
  );
});

test("deploy/deno-deploy.ts run as Deno Deploy runs it, with a remote URL: it goes to that server over HTTP, never the native driver", async () => {
  // A loopback listener stands in for the remote libSQL host (no network here): it records what
  // the entry asks and answers 503, so start-up must fail saying so, after reaching it.
  const seen: string[] = [];
  const server = createServer((
    req,
    res,
  ) => (seen.push(`${req.method} ${req.url}`), res.writeHead(503).end("unavailable")));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  try {
    const child = spawn(denoExecutable(), ["run", "-A", "deploy/deno-deploy.ts"], {
      env: baseEnv({ DATABASE_URL: `http://127.0.0.1:${port}`, PORT: "0", NO_COLOR: "1" }),
    });
    let stderr = "";
    child.stderr.on("data", (d) => (stderr += d));
    const code = await new Promise<number | null>((resolve) => child.once("exit", resolve));
    assert.notEqual(code, 0, "no database, no server");
    assert.ok(seen.length > 0, "the entry reached the remote URL over HTTP");
    assert.ok(
      seen.every((r) => r.startsWith("POST /v")),
      `libSQL's HTTP protocol (Hrana pipeline): ${seen.join(", ")}`,
    );
    assert.doesNotMatch(stderr, /native|\.node\b|不能用于 Deno Deploy/, stderr);
  } finally {
    server.close();
  }
});

test("the Deno Deploy entry listens where Deno.serve defaults unless PORT is set", () => {
  assert.deepEqual(edgeServeOptions({}), {});
  assert.deepEqual(edgeServeOptions({ PORT: "0", HOST: "127.0.0.1" }), {
    port: 0,
    hostname: "127.0.0.1",
  });
});
