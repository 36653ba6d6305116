import { test } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { chmod, mkdir, mkdtemp, rm, stat } from "node:fs/promises";
import { createServer } from "node:net";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import process from "node:process";
import { baseEnv, runTs } from "../helpers/spawn-server.ts";

// Issue 17 item 11: each start-up mistake an administrator makes gets ONE bilingual line naming the
// value and the fix, a non-zero exit and no stack, from the real server process.

interface Exit {
  readonly code: number | string | null;
  readonly stdout: string;
  readonly stderr: string;
}

function runServer(
  env: Record<string, string>,
  options: { uid?: number; gid?: number } = {},
): Promise<Exit> {
  const { command, args } = runTs("main.ts");
  const child = spawn(command, args, {
    env: baseEnv({ HOST: "127.0.0.1", PORT: "0", LOG_FORMAT: "json", ...env }),
    stdio: ["ignore", "pipe", "pipe"],
    ...options,
  });
  let stdout = "";
  let stderr = "";
  child.stdout.setEncoding("utf8").on("data", (d: string) => (stdout += d));
  child.stderr.setEncoding("utf8").on("data", (d: string) => (stderr += d));
  return new Promise((resolve) => {
    // A hang is a failure too: 30 s is far beyond any start-up.
    const timer = setTimeout(() => child.kill("SIGKILL"), 30_000);
    child.once("exit", (code, signal) => {
      clearTimeout(timer);
      resolve({ code: code ?? signal, stdout, stderr });
    });
  });
}

/** The lines of stderr that are not JSON log lines: what a person reads. */
function readable(exit: Exit): string[] {
  return exit.stderr.split("\n").filter((line) => line.trim() !== "" && !line.startsWith("{"));
}

function assertOneLine(exit: Exit, pattern: RegExp): string {
  assert.notEqual(exit.code, 0, `exit code ${exit.code}`);
  assert.notEqual(exit.code, "SIGKILL", `the server hung:\n${exit.stderr}`);
  const lines = readable(exit);
  assert.equal(lines.length, 1, `one line, no stack:\n${exit.stderr}`);
  assert.match(lines[0], pattern);
  assert.match(lines[0], /[\u4e00-\u9fff].* \/ [a-z]/, "Chinese first, then English");
  assert.doesNotMatch(exit.stderr, /^\s+at /m);
  assert.doesNotMatch(exit.stdout, /Listening on/);
  return lines[0];
}

test("a file: path whose directory does not exist is refused naming it, and nothing is created; DATABASE_CREATE_DIR=true creates it", async () => {
  const dir = await mkdtemp(join(tmpdir(), "oilfield-typo-"));
  try {
    const typo = join(dir, "dta", "oilfield.db");
    const exit = await runServer({ DATABASE_URL: `file:${typo}` });
    assertOneLine(exit, new RegExp(`"${join(dir, "dta")}".*DATABASE_CREATE_DIR=true`));
    await assert.rejects(
      stat(join(dir, "dta")),
      /ENOENT/,
      "no directory, no database, no demo data",
    );
    const blocker = createServer();
    await new Promise<void>((r) => blocker.listen(0, "127.0.0.1", r));
    const port = String((blocker.address() as AddressInfo).port);
    const created = await runServer({
      DATABASE_URL: `file:${typo}`,
      DATABASE_CREATE_DIR: "true",
      PORT: port,
      SEED_DEMO_DATA: "false",
    });
    blocker.close();
    // It got past the database (now created) and stopped at the busy port instead.
    assertOneLine(created, /already in use/);
    assert.ok((await stat(typo)).isFile(), created.stderr);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test("file:/proc/nope/x.db answers at once with one line instead of hanging", async () => {
  const exit = await runServer({ DATABASE_URL: "file:/proc/nope/x.db" });
  assertOneLine(exit, /"\/proc\/nope"/);
  const create = await runServer({
    DATABASE_URL: "file:/proc/nope/x.db",
    DATABASE_CREATE_DIR: "true",
  });
  assertOneLine(create, /"file:\/proc\/nope\/x\.db"/);
});

test("a port in use: one line naming the port and PORT, no stack", async () => {
  const dir = await mkdtemp(join(tmpdir(), "oilfield-port-"));
  const blocker = createServer();
  await new Promise<void>((r) => blocker.listen(0, "127.0.0.1", r));
  try {
    const port = (blocker.address() as AddressInfo).port;
    const exit = await runServer({
      DATABASE_URL: `file:${join(dir, "o.db")}`,
      PORT: String(port),
      SEED_DEMO_DATA: "false",
    });
    assertOneLine(
      exit,
      new RegExp(
        `端口 ${port} 已被占用.*port ${port} is already in use \\(127\\.0\\.0\\.1:${port}\\).*PORT`,
      ),
    );
  } finally {
    blocker.close();
    await rm(dir, { recursive: true, force: true });
  }
});

test("a directory the server may not write: one line naming it and the fix, not ConnectionFailed(14)", async () => {
  const dir = await mkdtemp(join(tmpdir(), "oilfield-ro-"));
  const locked = join(dir, "locked");
  await mkdir(locked);
  await chmod(locked, 0o555);
  await chmod(dir, 0o755);
  // Root writes anywhere: run the server as nobody then (on Node; Deno needs its own cache as another user).
  const asRoot = process.getuid?.() === 0;
  if (asRoot && (globalThis as { Deno?: unknown }).Deno) {
    return void (await rm(dir, { recursive: true, force: true }));
  }
  try {
    const exit = await runServer(
      { DATABASE_URL: `file:${join(locked, "o.db")}` },
      asRoot ? { uid: 65534, gid: 65534 } : {},
    );
    const line = assertOneLine(
      exit,
      new RegExp(`"${locked}" 不可写.*"${locked}" is not writable.*chown`),
    );
    assert.doesNotMatch(line, /ConnectionFailed/);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test("an unreachable libsql:// database: one line with the URL and what to check, not a bare `fetch failed`", async () => {
  const exit = await runServer({ DATABASE_URL: "libsql://127.0.0.1:9" });
  assertOneLine(
    exit,
    /"libsql:\/\/127\.0\.0\.1:9".*cannot reach the database "libsql:\/\/127\.0\.0\.1:9".*DATABASE_URL/,
  );
});

test("TIME_ZONE=CST is refused as ambiguous, naming Asia/Shanghai and America/Chicago", async () => {
  const exit = await runServer({ DATABASE_URL: ":memory:", TIME_ZONE: "CST" });
  assertOneLine(exit, /TIME_ZONE="CST": 时区缩写 "CST" 有歧义.*Asia\/Shanghai.*America\/Chicago/);
});
