import { test } from "node:test";
import assert from "node:assert/strict";
import { request } from "node:http";
import process from "node:process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openDatabase } from "../lib/db/db.ts";
import { baseEnv, runTs, spawnServer } from "./helpers/spawn-server.ts";

const until = async (what: string, check: () => boolean, ms = 20_000) => {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error(`gave up waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
};

for (const signal of ["SIGTERM", "SIGINT"] as const) {
  test(`${signal} during a slow call: new connections refused, the call finishes, database closed, exit 0`, async () => {
    const dir = await mkdtemp(join(tmpdir(), "oilfield-stop-"));
    const path = join(dir, "o.db");
    const { command, args } = runTs("main.ts");
    const server = await spawnServer(command, args, {
      env: baseEnv({ PORT: "0", DATABASE_URL: `file:${path}`, LOG_LEVEL: "info" }),
    });
    try {
      // An idle keep-alive connection must not hold the shutdown up.
      assert.equal((await fetch(`${server.url}/health`)).status, 200);
      // The slow call: its body arrives in two halves, the second only after the signal.
      const body = JSON.stringify({
        name: "query_drilling_data",
        arguments: { well_id: "W001", limit: 3 },
      });
      const half = Math.floor(body.length / 2);
      const answer = new Promise<{ status: number; text: string }>((resolve, reject) => {
        const req = request(`${server.url}/mcp/call-tool`, {
          method: "POST",
          headers: {
            "content-type": "application/json",
            "content-length": Buffer.byteLength(body),
            "x-user-role": "ADMIN",
            "x-user-email": "a@example.com",
            "x-user-id": "slow",
          },
        }, (res) => {
          let text = "";
          res.setEncoding("utf8").on("data", (d) => (text += d)).on(
            "end",
            () => resolve({ status: res.statusCode ?? 0, text }),
          );
        });
        req.on("error", reject);
        req.write(body.slice(0, half));
        (globalThis as { slowRequest?: typeof req }).slowRequest = req;
      });
      const req = (globalThis as { slowRequest?: { end(chunk: string): void } }).slowRequest!;
      await new Promise((r) => setTimeout(r, 300)); // let the request reach the handler
      const exited = new Promise<number | string | null>((resolve) =>
        server.child.once("exit", (code, sig) => resolve(code ?? `signal ${sig}`))
      );
      process.kill(server.child.pid!, signal); // not child.kill: Deno then reports the signal instead of the exit code
      await until("the shutdown log line", () => server.stderr().includes("shutting down"));
      // Node stops listening at once; Deno keeps its listener until the drain ends and answers 503 meanwhile.
      const refused = await fetch(`${server.url}/health`).then((r) => r.status, () => "refused");
      assert.ok(
        refused === "refused" || refused === 503,
        `a new request is turned away while the slow call is in flight (${refused})`,
      );
      req.end(body.slice(half));
      const { status, text } = await answer;
      assert.equal(status, 200, text);
      assert.equal(JSON.parse(text).result.records.length, 3);
      assert.equal(await exited, 0);
      const db = await openDatabase({ url: `file:${path}`, kind: "file", path });
      const audit = (await db.execute("SELECT outcome FROM audit_log WHERE user_id = 'slow'")).rows;
      db.close();
      assert.deepEqual(
        audit,
        [{ outcome: "ok" }],
        "the in-flight call was completed and audited before the database closed",
      );
    } finally {
      await server.stop();
      await rm(dir, { recursive: true, force: true });
    }
  });
}
