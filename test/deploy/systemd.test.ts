import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import process from "node:process";

const UNIT = "oilfield-mcp.service";
const unitText = readFileSync(`deploy/${UNIT}`, "utf8");

/** `key → values` of one section of a unit file (keys may repeat). */
function section(text: string, name: string): Map<string, string[]> {
  const keys = new Map<string, string[]>();
  let current = "";
  for (const raw of text.split("\n")) {
    const line = raw.trim();
    if (line === "" || line.startsWith("#") || line.startsWith(";")) continue;
    const header = line.match(/^\[(.+)\]$/);
    if (header) {
      current = header[1];
      continue;
    }
    if (current !== name) continue;
    const eq = line.indexOf("=");
    const key = line.slice(0, eq);
    keys.set(key, [...(keys.get(key) ?? []), line.slice(eq + 1)]);
  }
  return keys;
}

/** Runs systemd-analyze on a copy of the unit in a temp dir; fails (never skips) when missing. */
function analyze(text: string, args: string[]): { status: number | null; output: string } {
  const dir = mkdtempSync(join(tmpdir(), "oilfield-unit-"));
  try {
    // Only the node path may differ on this machine: verify checks that ExecStart exists.
    const node = existsSync("/usr/bin/node")
      ? text
      : text.replace("/usr/bin/node", process.execPath);
    writeFileSync(join(dir, UNIT), node);
    const result = spawnSync("systemd-analyze", [...args, join(dir, UNIT)], { encoding: "utf8" });
    if (result.error) {
      assert.fail(
        `systemd-analyze cannot run (${result.error.message}): apt-get install -y systemd`,
      );
    }
    // Keep only what concerns our unit: verify may also complain about unrelated system units.
    const output = `${result.stdout}${result.stderr}`.split("\n").filter((l) => l.includes(UNIT));
    return { status: result.status, output: output.join("\n") };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

test("the unit has the keys the deployment relies on", () => {
  const s = section(unitText, "Service");
  const one = (key: string) => s.get(key)?.at(-1);
  assert.equal(one("Type"), "simple");
  assert.equal(one("User"), "www-data");
  assert.equal(one("WorkingDirectory"), "/opt/oilMCP");
  assert.ok(s.get("Environment")?.includes("DATABASE_URL=file:/var/lib/oilfield-mcp/oilfield.db"));
  assert.ok(
    s.get("Environment")?.includes("SEED_DEMO_DATA=false"),
    "production starts on an empty database (issue 17 item 9)",
  );
  assert.equal(one("EnvironmentFile"), "-/etc/oilfield-mcp.env");
  assert.equal(one("Restart"), "always");
  assert.equal(one("RestartSec"), "10");
  assert.equal(one("StateDirectory"), "oilfield-mcp");
  for (const key of ["NoNewPrivileges", "ProtectHome", "PrivateTmp"]) {
    assert.equal(one(key), "yes", key);
  }
  assert.equal(one("ProtectSystem"), "strict");
  assert.match(
    one("ExecStart") ?? "",
    /^\/usr\/bin\/node main\.ts$/,
  );
  // V8's JIT cannot run with MemoryDenyWriteExecute.
  assert.notEqual(one("MemoryDenyWriteExecute"), "yes");
  assert.equal(section(unitText, "Install").get("WantedBy")?.[0], "multi-user.target");
});

test("systemd-analyze verify accepts the unit without a warning", () => {
  const { status, output } = analyze(unitText, ["verify", "--man=no"]);
  assert.equal(status, 0, output);
  assert.equal(output, "", `systemd-analyze verify complained:\n${output}`);
});

test("systemd-analyze verify catches a misspelled key (the check can fail)", () => {
  const broken = unitText.replace("ProtectHome=yes", "ProtectHom=yes");
  const { output } = analyze(broken, ["verify", "--man=no"]);
  assert.match(output, /Unknown key 'ProtectHom'/);
});

test("systemd-analyze security rates the sandbox exposure low (under 3 of 10)", () => {
  const { output } = analyze(unitText, ["security", "--offline=yes", "--no-pager"]);
  const level = output.match(/Overall exposure level for \S+: ([\d.]+)/);
  assert.ok(level, `no exposure level in:\n${output}`);
  assert.ok(Number(level[1]) < 3, `exposure ${level[1]}`);
});
