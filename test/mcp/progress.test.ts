import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { connectStreamable, textOf } from "../helpers/mcp-client.ts";
import { connectModern } from "../helpers/mcp-client-v2.ts";
import { libreChatTransport } from "../helpers/librechat-connect.ts";
import { Client as V1Client } from "@modelcontextprotocol/sdk/client/index.js";
import { identity, startTestServer } from "../helpers/server.ts";
import type { TestServer } from "../helpers/server.ts";

let server: TestServer;
before(async () => (server = await startTestServer()));
after(() => server.close());

// 1 200 daily rows: upsert works in chunks, so a real import reports progress more than once.
const CSV = "JH,RQ,DRJS\n井号,日期,当日井深\n" +
  Array.from(
    { length: 1200 },
    (_, i) =>
      `P${i % 40},2022-${String(1 + Math.floor(i / 40 / 28) % 12).padStart(2, "0")}-${
        String(1 + (Math.floor(i / 40) % 28)).padStart(2, "0")
      },${100 + i}`,
  ).join("\n") + "\n";

type Progress = { progress: number; total?: number; message?: string };

test("2026-07-28: import_data reports progress on the call's own stream, rows done of the total", async () => {
  const client = await connectModern(`${server.url}/mcp`, identity("ADMIN"));
  const seen: Progress[] = [];
  const result = await client.callTool({
    name: "import_data",
    arguments: { csv_text: CSV, dry_run: false },
  }, { onprogress: (p: Progress) => seen.push(p) });
  assert.equal(result.isError ?? false, false, textOf(result));
  const rows = (result.structuredContent as { rows_read: number }).rows_read;
  assert.ok(seen.length >= 2, `${seen.length} progress notifications`);
  assert.ok(seen.every((p) => p.total === rows));
  assert.equal(seen.at(-1)!.progress, rows);
  assert.match(seen.at(-1)!.message ?? "", /行 \/ .*rows/);
  const exported = await client.callTool({
    name: "export_all_data",
    arguments: { format: "json", max_rows: 12000 },
  }, { onprogress: (p: Progress) => seen.push(p) });
  assert.equal(exported.isError ?? false, false, textOf(exported));
  assert.equal(
    seen.at(-1)!.progress,
    (exported.structuredContent as { included_rows: number }).included_rows,
  );
  await client.close();
});

test("2025 era: a v1 client asking for progress gets its answer and no notifications, over JSON and legacy SSE", async () => {
  const json = await connectStreamable(`${server.url}/mcp`, identity("ADMIN"));
  const dropped: Progress[] = [];
  const r = await json.callTool({ name: "import_data", arguments: { csv_text: CSV } }, undefined, {
    onprogress: (p) => dropped.push(p),
  });
  assert.equal(r.isError ?? false, false, JSON.stringify(r).slice(0, 500));
  assert.equal(dropped.length, 0, "JSON answers carry no notifications");
  await json.close();

  const sse = new V1Client({ name: "librechat-like", version: "1.0.0" }, { capabilities: {} });
  await sse.connect(
    libreChatTransport({ type: "sse", url: `${server.url}/sse` }, identity("ADMIN")),
  );
  // The v1 client drops (and reports as errors) notifications that arrive in the same chunk as the result.
  const errors: Error[] = [];
  sse.onerror = (e) => errors.push(e);
  const s = await sse.callTool({ name: "import_data", arguments: { csv_text: CSV } }, undefined, {
    onprogress: (p) => dropped.push(p),
  });
  assert.equal(s.isError ?? false, false, JSON.stringify(s).slice(0, 500));
  assert.deepEqual([dropped.length, errors.map((e) => e.message)], [0, []]);
  await sse.close();
});
