import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { ROLES } from "../lib/config.ts";
import { rolesFor } from "../lib/permissions.ts";
import { TOOLS } from "../lib/tools/index.ts";

/** The rows of README's "Roles and tools" table: the tools each row names and the roles it ticks. */
function readmeRoleRows(): { tools: string[]; roles: string[] }[] {
  const readme = readFileSync("README.md", "utf8");
  const section = readme.slice(readme.indexOf("## Roles and tools"), readme.indexOf("\n## ", readme.indexOf("## Roles and tools") + 3));
  const names = new Set(TOOLS.map((t) => t.name));
  return section.split("\n").filter((l) => l.startsWith("| `")).map((line) => {
    const cells = line.split("|").slice(1, -1).map((c) => c.trim());
    const tools = [...cells[0].matchAll(/`([a-z_]+)`/g)].map((m) => m[1]).filter((n) => names.has(n) || /^(get|list|query|save|add|update|delete|export|import|analyze|compute|compare|grant|revoke|undo|restore|purge)_/.test(n));
    return { tools, roles: ROLES.filter((_, i) => cells[["USER", "ENGINEER", "ADMIN"].indexOf(ROLES[i]) + 1] === "✓") };
  });
}

test("README's role table lists every tool once, with exactly the roles lib/permissions.ts grants", () => {
  const rows = readmeRoleRows();
  const listed = rows.flatMap((r) => r.tools);
  assert.deepEqual([...listed].sort(), TOOLS.map((t) => t.name).sort(), "every registered tool, and only those, once");
  for (const row of rows) {
    for (const tool of row.tools) assert.deepEqual([...row.roles].sort(), rolesFor(tool).sort(), `${tool}: README ticks ${row.roles}, permissions grant ${rolesFor(tool)}`);
  }
});
