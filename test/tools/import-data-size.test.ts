import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import process from "node:process";
import { promisify } from "node:util";
import { MAX_ARGUMENT_BYTES } from "../../lib/call/limits.ts";
import { identity, restCall, startTestServer } from "../helpers/server.ts";
import type { TestServer } from "../helpers/server.ts";

const BODY_LIMIT = 1024 * 1024;
let server: TestServer;
before(
  async () => (server = await startTestServer({
    MAX_BODY_BYTES: String(BODY_LIMIT),
    SEED_DEMO_DATA: "false",
  })),
);
after(() => server.close());

const admin = identity("ADMIN");
function dailyCsv(rows: number): string {
  let text = "井号,日期,当日井深,本日主要工作\n";
  for (let i = 0; i < rows; i++) {
    const day = new Date(Date.UTC(2001, 0, 1) + i * 86_400_000).toISOString().slice(0, 10);
    text += `大文件${i % 7},${day},${1000 + i},钻进至${1000 + i}m，起钻换钻头，下钻到底循环\n`;
  }
  return text;
}

test("import_data takes a file above 64 KiB, up to the request body limit the description names", async () => {
  const csv = dailyCsv(3000);
  assert.ok(
    new TextEncoder().encode(csv).byteLength > 2 * MAX_ARGUMENT_BYTES,
    "well above the general argument limit",
  );
  const res = await restCall(server.url, admin, "import_data", {
    csv_text: csv,
    file_name: "big.csv",
    dry_run: false,
  });
  assert.equal(res.status, 200, JSON.stringify(res.body).slice(0, 300));
  assert.equal(res.body.result.inserted, 3000);
  const listed = await fetch(`${server.url}/mcp/tools`, { headers: admin }).then((r) => r.json());
  const description: string =
    listed.tools.find((t: { name: string }) => t.name === "import_data").description;
  assert.match(description, /MAX_BODY_BYTES.*npm run import/);
});

test("beyond the body limit import_data gets 413 naming MAX_BODY_BYTES; other tools keep the 64 KiB limit", async () => {
  const csv = dailyCsv(20_000);
  assert.ok(new TextEncoder().encode(csv).byteLength > BODY_LIMIT);
  const res = await restCall(server.url, admin, "import_data", { csv_text: csv, dry_run: true });
  assert.equal(res.status, 413);
  assert.match(res.body.message, /MAX_BODY_BYTES/);
  const other = await restCall(server.url, identity("ENGINEER"), "add_drilling_record", {
    well_id: "大文件1",
    report_date: "2001-02-01",
    main_work: "x".repeat(MAX_ARGUMENT_BYTES),
  });
  assert.equal(other.status, 413);
  assert.match(other.body.message, new RegExp(`上限 ${MAX_ARGUMENT_BYTES} 字节`));
});

test("the server-side import works as the README shows it: npm run import -- FILE, dry run then for real", async () => {
  const file = join(server.dir, "日报.csv");
  await writeFile(file, dailyCsv(50).replaceAll("大文件", "服务器"));
  const env = {
    PATH: process.env.PATH ?? "/usr/bin:/bin",
    HOME: process.env.HOME ?? "/tmp",
    DATABASE_URL: `file:${join(server.dir, "oilfield.db")}`,
  };
  const run = (args: string[]) =>
    promisify(execFile)("npm", ["run", "--silent", "import", "--", file, ...args], {
      env,
      cwd: process.cwd(),
    });
  const dry = await run(["--dry-run"]);
  assert.match(dry.stdout, /dry run/);
  const real = await run([
    "--table",
    "drilling_daily",
    "--report",
    join(server.dir, "summary.json"),
  ]);
  assert.match(real.stdout, /新增 inserted 50/);
  // The running server sees the rows at once (same file, WAL).
  const rows = await restCall(server.url, admin, "query_drilling_data", {
    well_id: "服务器1",
    limit: 100,
  });
  assert.equal(rows.status, 200);
  assert.equal(rows.body.result.records.length, 7, "服务器1: rows 1, 8, … 43 of the 50");
});
