import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadConfig } from "../../lib/config/config.ts";
import { createServerLog } from "../../lib/observability/log-output.ts";
import { baseEnv, runTs, spawnServer } from "../helpers/spawn-server.ts";

const settings = (env: Record<string, string | undefined>) => loadConfig(env);

test("a terminal gets readable lines, a pipe JSON lines, LOG_FORMAT overrides both", () => {
  const cases = [
    { env: {}, isTTY: true, pretty: true },
    { env: {}, isTTY: false, pretty: false },
    { env: { LOG_FORMAT: "json" }, isTTY: true, pretty: false },
    { env: { LOG_FORMAT: "pretty" }, isTTY: false, pretty: true },
  ];
  for (const { env, isTTY, pretty } of cases) {
    const lines: string[] = [];
    const out = createServerLog(settings(env), { isTTY, write: (l) => lines.push(l) });
    out.log.info("tool called", { tool: "list_wells", role: "USER" });
    assert.equal(lines.length, 1);
    if (pretty) {
      assert.match(lines[0], /^\d{4}-\d\d-\d\dT\S+ INFO {2}tool called tool=list_wells role=USER$/);
    } else {
      assert.deepEqual({ ...JSON.parse(lines[0]), time: "t" }, {
        time: "t",
        level: "info",
        msg: "tool called",
        tool: "list_wells",
        role: "USER",
      });
    }
  }
});

test("LOG_LEVEL drops lower levels on the console and in LOG_FILE; the file is appended to, JSON", () => {
  const dir = mkdtempSync(join(tmpdir(), "oilfield-log-"));
  try {
    const file = join(dir, "logs", "mcp_server.log");
    const first = createServerLog(settings({ LOG_LEVEL: "warn", LOG_FILE: file }), {
      isTTY: true,
      write: () => {},
    });
    first.log.info("not kept");
    first.log.warn("kept", { n: 1 });
    first.close();
    const lines: string[] = [];
    const second = createServerLog(settings({ LOG_FILE: file }), {
      isTTY: true,
      write: (l) => lines.push(l),
    });
    second.log.error("also kept", { n: 2 });
    second.close();
    const kept = readFileSync(file, "utf8").trimEnd().split("\n").map((l) => JSON.parse(l));
    assert.deepEqual(kept.map((l) => [l.level, l.msg, l.n]), [["warn", "kept", 1], [
      "error",
      "also kept",
      2,
    ]]);
    assert.match(lines[0], / ERROR also kept n=2$/, "the terminal still gets the readable line");
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("a LOG_FILE that cannot be opened fails with its path and what to do", () => {
  const dir = mkdtempSync(join(tmpdir(), "oilfield-log-"));
  try {
    writeFileSync(join(dir, "plain-file"), "");
    const bad = join(dir, "plain-file", "mcp_server.log");
    assert.throws(
      () => createServerLog(settings({ LOG_FILE: bad }), { write: () => {} }),
      (e: Error) => {
        assert.ok(e.message.includes(`cannot open log file "${bad}"`), e.message);
        assert.match(e.message, /change LOG_FILE/);
        return true;
      },
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("main.ts on a pipe writes JSON log lines to stderr and to LOG_FILE, the banner to stdout", async () => {
  const dir = mkdtempSync(join(tmpdir(), "oilfield-log-"));
  const { command, args } = runTs("main.ts");
  const server = await spawnServer(command, args, {
    env: baseEnv({
      PORT: "0",
      DATABASE_URL: `file:${join(dir, "o.db")}`,
      LOG_FILE: join(dir, "mcp_server.log"),
      ROLE_MAP: "geologist=USER",
    }),
  });
  try {
    const res = await fetch(`${server.url}/mcp/call-tool`, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        "X-User-Role": "geologist",
        "X-User-Email": "g@x.cn",
        "X-User-ID": "7",
      },
      body: JSON.stringify({ name: "list_wells", arguments: {} }),
    });
    assert.equal(res.status, 200);
    await res.body?.cancel();
    const banner = server.stdout();
    for (
      const part of [
        "油田钻井数据MCP Server",
        `数据库 Database: ${join(dir, "o.db")}`,
        `端口 Port: ${server.port}`,
        "GEOLOGIST→USER",
      ]
    ) {
      assert.ok(banner.includes(part), `banner has "${part}":\n${banner}`);
    }
    const fileLines = readFileSync(join(dir, "mcp_server.log"), "utf8").trimEnd().split("\n").map((
      l,
    ) => JSON.parse(l));
    assert.ok(fileLines.some((l) => l.msg === "demo data seeded"), JSON.stringify(fileLines));
    const errLines = server.stderr().trimEnd().split("\n").map((l) => JSON.parse(l));
    assert.ok(errLines.some((l) => l.msg === "demo data seeded"));
  } finally {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
});
