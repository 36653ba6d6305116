import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadConfig } from "../../lib/config/config.ts";
import { createLogger } from "../../lib/observability/log.ts";
import { startServer } from "../../lib/server/start.ts";
import type { Running } from "../../lib/server/start.ts";
import { addRecord, driveServer, firstWell, readRecords } from "../helpers/drive.ts";
import { startNginx } from "../helpers/nginx.ts";
import { identity, restCall } from "../helpers/server.ts";
import { libreChatTransport } from "../helpers/librechat-connect.ts";
import { textOf } from "../helpers/mcp-client.ts";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";

interface Instance {
  readonly server: Running;
  readonly url: string;
  readonly logs: Record<string, unknown>[];
}

/** One server instance on the shared database file, with its own captured log. */
async function instance(dbFile: string): Promise<Instance> {
  const logs: Record<string, unknown>[] = [];
  const log = createLogger({
    level: "debug",
    format: "json",
    write: (line) => logs.push(JSON.parse(line)),
  });
  const server = await startServer(
    loadConfig({ PORT: "0", HOST: "127.0.0.1", DATABASE_URL: `file:${dbFile}` }),
    log,
  );
  return { server, url: `http://127.0.0.1:${server.port}`, logs };
}

const toolCalls = (i: Instance) =>
  i.logs.filter((l) => typeof l.tool === "string" && typeof l.outcome === "string").length;

test("two instances on one database file behind nginx: a write through one is read through the other, over REST, Streamable HTTP and sticky legacy SSE", async () => {
  const dir = mkdtempSync(join(tmpdir(), "oilfield-scale-"));
  const dbFile = join(dir, "oilfield.db");
  const a = await instance(dbFile);
  const b = await instance(dbFile);
  const nginx = await startNginx({
    upstreams: [`127.0.0.1:${a.server.port}`, `127.0.0.1:${b.server.port}`],
  }).catch(async (error) => {
    await a.server.close();
    await b.server.close();
    throw error;
  });
  try {
    const well = await firstWell(a.url);
    // Straight to each instance: written through A, read through B, and the other way round.
    const viaA = await addRecord(a.url, well, "2031-01-01");
    assert.deepEqual((await readRecords(b.url, well, "2031-01-01")).map((r) => r.id), [viaA]);
    const viaB = await addRecord(b.url, well, "2031-01-02");
    assert.deepEqual((await readRecords(a.url, well, "2031-01-02")).map((r) => r.id), [viaB]);
    // B sees A's write refused as a duplicate: one database, not two copies.
    const dup = await restCall(b.url, identity("ENGINEER"), "add_drilling_record", {
      well_id: well,
      report_date: "2031-01-01",
    });
    assert.equal(dup.status, 409, JSON.stringify(dup.body));

    // Through nginx: the full client drive, then writes and reads spread over both instances.
    await driveServer(nginx.url);
    const before = [toolCalls(a), toolCalls(b)];
    const dates = Array.from({ length: 6 }, (_, i) => `2031-02-0${i + 1}`);
    for (const date of dates) {
      const id = await addRecord(nginx.url, well, date);
      assert.deepEqual(
        (await readRecords(nginx.url, well, date)).map((r) => r.id),
        [id],
        `record of ${date} read back through nginx`,
      );
    }
    const served = [toolCalls(a) - before[0], toolCalls(b) - before[1]];
    assert.equal(served[0] + served[1], dates.length * 2);
    assert.ok(
      served[0] > 0 && served[1] > 0,
      `nginx spread the calls over both instances: ${served.join(" + ")}`,
    );
    // Legacy SSE through nginx: each user's stream and its POST /messages must meet on one
    // instance (sticky upstream); a miss would fail the call with an unknown session.
    const sseBefore = [a, b].map((i) => i.logs.filter((l) => l.transport === "sse").length);
    for (let u = 1; u <= 8; u++) {
      const client = new Client({ name: "sse-user", version: "1.0.0" });
      await client.connect(
        libreChatTransport(
          { url: `${nginx.url}/sse` },
          identity("USER", `u${u}@x.cn`, `user-${u}`),
        ),
      );
      try {
        for (const date of dates.slice(0, 2)) {
          const result = await client.callTool({
            name: "query_drilling_data",
            arguments: { well_id: well, date_from: date, date_to: date },
          });
          assert.ok(!result.isError, textOf(result));
          assert.equal(
            (result.structuredContent as { records: unknown[] }).records.length,
            1,
            `SSE user ${u} reads the record of ${date}`,
          );
        }
      } finally {
        await client.close();
      }
    }
    const sseServed = [a, b].map((i, n) =>
      i.logs.filter((l) => l.transport === "sse").length - sseBefore[n]
    );
    assert.equal(
      sseServed[0] + sseServed[1],
      16,
      `SSE calls per instance: ${sseServed.join(" + ")}`,
    );
    const health = await Promise.all(
      [a.url, b.url].map(async (u) => (await (await fetch(`${u}/health`)).json()).total_records),
    );
    assert.equal(health[0], health[1], "both instances count the same rows");
  } finally {
    await nginx.stop();
    await a.server.close();
    await b.server.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
