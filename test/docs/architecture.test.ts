import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readdirSync, readFileSync } from "node:fs";

const doc = () => readFileSync("docs/architecture.md", "utf8");

test("docs/architecture.md's folder table names every folder of lib/, and only those", () => {
  const text = doc();
  const start = text.indexOf("| folder");
  assert.ok(start >= 0, "docs/architecture.md has a table with a | folder | column");
  const rows = text.slice(start).split("\n").filter((l) => l.startsWith("|")).slice(2);
  const named = rows.map((row) => row.split("|")[1].trim().replace(/^`|`$/g, ""));
  const folders = readdirSync("lib", { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => `${entry.name}/`);
  const files = readdirSync("lib", { withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith(".ts"))
    .map((entry) => entry.name);
  assert.deepEqual([...named].sort(), [...folders, ...files].sort());
});

test("every lib/ path docs/architecture.md names exists", () => {
  // Paths such as mcp/streamable.ts, db/migrations/ or db/worker*.ts (a glob: its stem must match a
  // file); MCP methods such as tools/list are not paths.
  const paths = new Set(
    [...doc().matchAll(/(?<![\w./-])([a-z]+\/(?:[\w.*-]+\/)*[\w.*-]*)/g)]
      .map((m) => m[1])
      .filter((p) => /(?:\.ts|\/|\*)$/.test(p) && existsSync(`lib/${p.split("/")[0]}`)),
  );
  assert.ok(paths.size > 20, `the doc names many lib/ paths (found ${paths.size})`);
  for (const path of paths) {
    if (path.includes("*")) {
      const dir = path.slice(0, path.lastIndexOf("/"));
      const stem = path.slice(path.lastIndexOf("/") + 1).split("*")[0];
      assert.ok(
        readdirSync(`lib/${dir}`).some((name) => name.startsWith(stem)),
        `docs/architecture.md names "${path}": no file of lib/${dir} starts with "${stem}"`,
      );
    } else {
      assert.ok(existsSync(`lib/${path}`), `docs/architecture.md names "${path}", not in lib/`);
    }
  }
});
