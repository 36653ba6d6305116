import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { MAX_ARGUMENT_BYTES } from "../lib/call/limits.ts";
import { TOOLS } from "../lib/tools/index.ts";
import { databaseChecksum } from "./helpers/checksum.ts";
import {
  hostileArguments,
  HUGE_RELATIVE_DATES,
  REDOS_STRINGS,
  seeded,
  SQL_STRINGS,
  xlsxBombs,
} from "./helpers/hostile.ts";
import { identity, restCall, startTestServer } from "./helpers/server.ts";
import { baseEnv, runTs, spawnServer } from "./helpers/spawn-server.ts";
import type { TestServer } from "./helpers/server.ts";

let server: TestServer;
before(async () => (server = await startTestServer({ MAX_BODY_BYTES: String(2 * 1024 * 1024) })));
after(() => server.close());

const admin = identity("ADMIN");
const MCP_HEADERS = {
  ...admin,
  "content-type": "application/json",
  accept: "application/json, text/event-stream",
};
const post = async (
  path: string,
  body: string | Uint8Array<ArrayBuffer>,
  headers: Record<string, string> = MCP_HEADERS,
) => {
  const res = await fetch(`${server.url}${path}`, { method: "POST", headers, body });
  const text = await res.text();
  return { status: res.status, text, json: text ? JSON.parse(text) : null };
};
const rpc = (message: unknown) =>
  post("/mcp", typeof message === "string" ? message : JSON.stringify(message));
const call = (name: string, args: unknown, id = 1) =>
  rpc({ jsonrpc: "2.0", id, method: "tools/call", params: { name, arguments: args } });

test("malformed JSON: -32700 on /mcp, the same on /mcp/call-tool; a non-UTF-8 body likewise", async () => {
  for (const path of ["/mcp", "/mcp/call-tool"]) {
    for (const body of ["{bad json", "", '{"jsonrpc":"2.0",', "\uFEFF{}x"]) {
      const r = await post(path, body);
      assert.equal(r.status, 400, `${path} ${body}`);
      assert.equal(r.json.error.code, -32700);
      assert.match(r.json.error.message, /不是合法 JSON|not valid JSON/);
    }
    const latin1 = await post(path, new Uint8Array([0x7b, 0xff, 0xfe, 0x7d]));
    assert.equal(latin1.status, 400);
    assert.match(latin1.json.error.message, /not UTF-8/);
  }
});

test("JSON that is not a JSON-RPC request gets -32600; batches, empty or not, are refused", async () => {
  for (
    const body of [
      "null",
      "123",
      '"x"',
      "{}",
      '{"jsonrpc":"1.0","id":1,"method":"tools/list"}',
      '{"jsonrpc":"2.0","id":{"a":1},"method":"tools/list"}',
      '{"jsonrpc":"2.0","id":1,"method":42}',
      '{"jsonrpc":"2.0","id":1,"method":"tools/call","params":"x"}',
      "[]",
      '[{"jsonrpc":"2.0","id":1,"method":"tools/list"},{"jsonrpc":"2.0","id":2,"method":"tools/call","params":{"name":"list_wells"}}]',
    ]
  ) {
    const r = await rpc(body);
    assert.equal(r.status, 400, body);
    assert.equal(r.json.error.code, -32600, body);
  }
  let deep = "1";
  for (let i = 0; i < 100_000; i++) deep = `[${deep}]`;
  assert.equal(
    (await rpc(deep)).json.error.code,
    -32600,
    "a 100 000-deep array is a (refused) batch, not a crash",
  );
  assert.equal((await post("/mcp/call-tool", "[]")).json.error.code, -32600);
});

test("bad params get -32602 naming the field, for tools/call and initialize alike", async () => {
  const cases: [unknown, RegExp][] = [
    [{ jsonrpc: "2.0", id: 1, method: "tools/call", params: { arguments: {} } }, /params\.name/],
    [{
      jsonrpc: "2.0",
      id: 1,
      method: "tools/call",
      params: { name: "list_wells", arguments: [1, 2] },
    }, /params\.arguments/],
    [{ jsonrpc: "2.0", id: 1, method: "initialize", params: { name: "x" } }, /protocolVersion/],
  ];
  for (const [message, field] of cases) {
    const r = await rpc(message);
    assert.equal(r.json.error.code, -32602, JSON.stringify(message));
    assert.match(r.json.error.message, field);
    assert.equal(r.json.id, 1);
  }
});

test("wrong types, unknown fields, huge numbers and negative limits are named, on both transports", async () => {
  const cases: [string, Record<string, unknown>, string][] = [
    ["query_drilling_data", { limit: "10" }, '"limit" = "10"'],
    ["query_drilling_data", { limit: -1 }, '"limit" = -1'],
    ["query_drilling_data", { offset: -5 }, '"offset" = -5'],
    ["query_drilling_data", { limit: 1e308 }, '"limit" = 1e+308'],
    ["list_wells", { limit: 123456789012345678901234567890 }, '"limit"'],
    ["update_drilling_record", { record_id: 2 ** 53 + 2, depth_m: 1 }, '"record_id"'],
    ["query_drilling_data", { well_id: { $ne: null } }, '"well_id"'],
    ["query_drilling_data", { drop_table: true }, '"drop_table"'],
    ["get_well_summary", { well_id: ["W001"] }, '"well_id"'],
  ];
  for (const [name, args, named] of cases) {
    const rest = await restCall(server.url, admin, name, args);
    assert.equal(rest.status, 400, `${name} ${JSON.stringify(args)}`);
    assert.ok(rest.body.message.includes(named), `${rest.body.message} names ${named}`);
    const mcp = await call(name, args);
    assert.equal(mcp.json.error.code, -32602);
    assert.ok(mcp.json.error.message.includes(named));
  }
  const infinity = await post(
    "/mcp/call-tool",
    '{"name":"query_drilling_data","arguments":{"limit":1e999}}',
    { ...admin, "content-type": "application/json" },
  );
  assert.equal(infinity.status, 400, "1e999 parses to Infinity and is refused");
});

test("SQL in every string field of every tool changes nothing and never fails", async () => {
  const checksum = await databaseChecksum(server.db);
  for (const tool of TOOLS) {
    const shape = tool.input.shape as Record<
      string,
      { safeParse(v: unknown): { success: boolean } }
    >;
    const stringFields = Object.keys(shape).filter((k) =>
      shape[k].safeParse("W001").success || shape[k].safeParse("x").success
    );
    for (const field of stringFields) {
      for (const sql of SQL_STRINGS) {
        const args: Record<string, unknown> = { [field]: sql };
        if ("record_id" in shape && field !== "record_id") args.record_id = 99_999_999;
        if ("history_id" in shape) args.history_id = 99_999_999;
        if (field !== "well_id" && "well_id" in shape && tool.name === "add_drilling_record") {
          (args.well_id = "NO-SUCH-WELL", args.report_date = "2026-01-01");
        }
        const r = await restCall(server.url, admin, tool.name, args);
        assert.ok(
          r.status < 500,
          `${tool.name}.${field} = ${sql}: ${r.status} ${JSON.stringify(r.body)}`,
        );
        const m = await call(tool.name, args);
        assert.ok(
          m.status < 500 && m.json.error?.code !== -32603,
          `${tool.name}.${field} over MCP`,
        );
      }
    }
  }
  assert.equal(await databaseChecksum(server.db), checksum);
});

test("SQL in stored text is stored and read back verbatim; NUL characters are refused, naming the field", async () => {
  const eng = identity("ENGINEER");
  const wells = (await server.db.execute("SELECT count(*) AS n FROM wells")).rows[0].n;
  const text = SQL_STRINGS.join(" | ");
  const added = await restCall(server.url, eng, "add_drilling_record", {
    well_id: "W001",
    report_date: "2001-01-01",
    main_work: text,
    formation: SQL_STRINGS[1],
  });
  assert.equal(added.status, 200, JSON.stringify(added.body));
  const row =
    (await server.db.execute("SELECT main_work, formation FROM drilling_daily WHERE id = ?", [
      added.body.result.record.id,
    ])).rows[0];
  assert.deepEqual(row, { main_work: text, formation: SQL_STRINGS[1] });
  assert.equal((await server.db.execute("SELECT count(*) AS n FROM wells")).rows[0].n, wells);

  const nul = await restCall(server.url, eng, "update_drilling_record", {
    record_id: added.body.result.record.id,
    main_work: "钻进\u0000后面会丢",
  });
  assert.equal(nul.status, 400);
  assert.match(nul.body.message, /"main_work" 含有 NUL/);
  assert.equal(
    (await call("query_drilling_data", { well_id: "W001\u0000" })).json.error.code,
    -32602,
  );
});

test("size limits: body (413), arguments (413 / isError naming the limit), long strings", async () => {
  const big = await post(
    "/mcp/call-tool",
    JSON.stringify({ name: "list_wells", arguments: { block: "x".repeat(3 * 1024 * 1024) } }),
    { ...admin, "content-type": "application/json" },
  );
  assert.equal(big.status, 413);
  assert.match(big.json.message, /2097152/);
  const args = {
    well_id: "W001",
    report_date: "2001-02-01",
    main_work: "x".repeat(MAX_ARGUMENT_BYTES),
  };
  const rest = await restCall(server.url, admin, "add_drilling_record", args);
  assert.equal(rest.status, 413);
  assert.match(rest.body.message, new RegExp(`${MAX_ARGUMENT_BYTES}`));
  const mcp = await call("add_drilling_record", args);
  assert.equal(mcp.json.result.isError, true);
  assert.match(mcp.json.result.content[0].text, /arguments too large/);
  const long = await restCall(server.url, admin, "query_drilling_data", {
    formation: "井".repeat(5000),
  });
  assert.equal(long.status, 400);
  assert.match(long.body.message, /"formation" = "井{80}…"/, "the echoed value is cut");
});

test("wrong content types get 415, a missing Accept on /mcp 406, other methods 405/404; identities 401", async () => {
  for (const path of ["/mcp", "/mcp/call-tool"]) {
    for (
      const type of [
        "text/plain",
        "application/x-www-form-urlencoded",
        "multipart/form-data; boundary=x",
        "",
      ]
    ) {
      const r = await post(path, '{"jsonrpc":"2.0","id":1,"method":"tools/list"}', {
        ...MCP_HEADERS,
        "content-type": type,
      });
      assert.equal(r.status, 415, `${path} ${type}`);
      assert.match(r.json.message, /application\/json/);
    }
  }
  assert.equal(
    (await post("/mcp", '{"jsonrpc":"2.0","id":1,"method":"tools/list"}', {
      ...MCP_HEADERS,
      accept: "text/html",
    })).status,
    406,
  );
  assert.equal((await fetch(`${server.url}/mcp`, { headers: admin })).status, 405);
  assert.equal(
    (await fetch(`${server.url}/mcp`, { method: "PUT", headers: admin, body: "{}" })).status,
    404,
  );
  for (const value of ["b64:!!!", "b64:/w==", "{{LIBRECHAT_USER_ROLE}}"]) {
    const r = await post("/mcp", '{"jsonrpc":"2.0","id":1,"method":"tools/list"}', {
      ...MCP_HEADERS,
      "X-User-Role": value,
    });
    assert.equal(r.status, 401, value);
  }
});

test("issue 17: hostile text, huge relative dates and .xlsx bombs get a clear 400, nothing changes, the server stays quick", async () => {
  const checksum = await databaseChecksum(server.db);
  const cases: [string, Record<string, unknown>, RegExp][] = [
    ...HUGE_RELATIVE_DATES.map((
      d,
    ): [string, Record<string, unknown>, RegExp] => [
      "analyze_rop",
      { date_from: d },
      /日期太早.*date is too far back/,
    ]),
    [
      "get_period_report",
      { well_id: "W001", period: HUGE_RELATIVE_DATES[0] },
      /日期太早.*date is too far back/,
    ],
    ...xlsxBombs().map((
      b64,
    ): [string, Record<string, unknown>, RegExp] => ["import_data", {
      xlsx_base64: b64,
      dry_run: false,
    }, /split the file/]),
  ];
  for (const [name, args, message] of cases) {
    const rest = await restCall(server.url, admin, name, args);
    assert.equal(rest.status, 400, `${name}: ${JSON.stringify(rest.body).slice(0, 200)}`);
    assert.match(rest.body.message, message);
    const mcp = await call(name, args);
    // Over MCP a bad argument is a -32602 error (or an isError result), never -32603.
    const said = mcp.json?.result?.isError
      ? mcp.json.result.content[0].text
      : mcp.json?.error?.code === -32602
      ? mcp.json.error.message
      : "";
    assert.match(said, message, `${name} over MCP: ${mcp.text.slice(0, 300)}`);
  }
  for (const text of REDOS_STRINGS) {
    const started = performance.now();
    const res = await restCall(server.url, admin, "list_wells", { keywords: text });
    assert.ok(
      [200, 400].includes(res.status) && performance.now() - started < 5000,
      `list_wells ${JSON.stringify(text.slice(0, 20))}`,
    );
  }
  assert.equal(await databaseChecksum(server.db), checksum);
});

test("issue 17 item 8: seeded hostile calls while o.db, -wal and -shm are immutable get the clear shared-memory error, never a crash", async () => {
  // A spawned server, and chattr only on the files of its own temporary directory: a SIGBUS there
  // cannot take the test runner with it.
  const dir = await mkdtemp(join(tmpdir(), "oilfield-hostile-shm-"));
  const db = join(dir, "o.db");
  const files = [db, `${db}-wal`, `${db}-shm`];
  const { command, args } = runTs("main.ts");
  const spawned = await spawnServer(command, args, {
    env: baseEnv({ PORT: "0", HOST: "127.0.0.1", DATABASE_URL: `file:${db}`, LOG_FORMAT: "json" }),
    timeoutMs: 60_000,
  });
  const r = seeded(20261108);
  const names = [...TOOLS.map((t) => t.name), "no_such_tool"];
  const roles = ["USER", "ENGINEER", "ADMIN", "root"];
  const failures: string[] = [];
  let named = 0;
  try {
    assert.equal(
      (await restCall(spawned.url, identity("ENGINEER"), "update_drilling_record", {
        record_id: 7,
        depth_m: 3,
      })).status,
      200,
      "the -wal and -shm files exist",
    );
    execFileSync("chattr", ["+i", ...files]);
    try {
      for (let i = 0; i < 60; i++) {
        const name = r.pick(names);
        const tool = TOOLS.find((t) => t.name === name);
        const toolArgs = r.chance(0.5)
          ? hostileArguments(r, tool ? Object.keys(tool.input.shape) : [])
          : {};
        const who = identity(r.pick(roles));
        const mcp = r.chance(0.5);
        let res: Response;
        let text: string;
        try {
          res = await fetch(`${spawned.url}${mcp ? "/mcp" : "/mcp/call-tool"}`, {
            method: "POST",
            headers: {
              ...who,
              "content-type": "application/json",
              accept: "application/json, text/event-stream",
            },
            body: JSON.stringify(
              mcp
                ? {
                  jsonrpc: "2.0",
                  id: i,
                  method: "tools/call",
                  params: { name, arguments: toolArgs },
                }
                : { name, arguments: toolArgs },
            ),
          });
          text = await res.text();
        } catch (error) {
          await new Promise((done) => setTimeout(done, 500));
          failures.push(
            `#${i} ${name}: ${(error as Error).message}; the server exited with ${
              spawned.child.exitCode ?? spawned.child.signalCode
            }`,
          );
          break;
        }
        const summary = `#${i} ${mcp ? "MCP" : "REST"} ${name} ${res.status} ${text.slice(0, 200)}`;
        // A refusal before the database (400/401/403/404/413) or the documented answer naming the -shm file.
        if (res.status >= 500 && !/o\.db-shm.*cannot be written/.test(text)) failures.push(summary);
        if (/"code":\s*-32603/.test(text)) failures.push(`internal error: ${summary}`);
        if (/o\.db-shm/.test(text)) named++;
        if (spawned.child.exitCode !== null || spawned.child.signalCode !== null) {
          failures.push(
            `the server died (${
              spawned.child.exitCode ?? spawned.child.signalCode
            }) after ${summary}`,
          );
          break;
        }
      }
      assert.deepEqual(failures, []);
      const health = await fetch(`${spawned.url}/health`);
      assert.equal(health.status, 503);
      assert.match(await health.text(), /o\.db-shm.*cannot be written/);
    } finally {
      execFileSync("chattr", ["-i", ...files]);
    }
    assert.ok(named >= 10, `calls that reached the database named the -shm file: ${named} of 60`);
    assert.equal(spawned.child.signalCode, null, "no SIGBUS");
    assert.equal((await fetch(`${spawned.url}/health`)).status, 200, "healthy again once writable");
  } finally {
    await spawned.stop();
    await rm(dir, { recursive: true, force: true });
  }
});
