import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { ROLES } from "../lib/config/config.ts";
import { hasGroup, rolesFor, TOOL_GROUPS } from "../lib/permissions.ts";
import type { ToolGroup } from "../lib/permissions.ts";
import { TOOLS } from "../lib/tools/index.ts";

interface Row {
  readonly line: string;
  readonly group: string;
  readonly tools: string[];
  readonly roles: string[];
}

/** README's "Roles and tools" table: each row's group, the tools it names and the roles it ticks (columns read from the header). */
function readmeRoleTable(): { roleColumns: string[]; rows: Row[] } {
  const readme = readFileSync("README.md", "utf8");
  const start = readme.indexOf("## Roles and tools");
  assert.ok(start >= 0, 'README has a "## Roles and tools" section');
  const section = readme.slice(start, readme.indexOf("\n## ", start + 3));
  const lines = section.split("\n").filter((l) => l.startsWith("|"));
  const cells = (line: string) => line.split("|").slice(1, -1).map((c) => c.trim());
  const header = cells(lines[0]);
  assert.deepEqual(
    header.slice(0, 2),
    ["group", "tools"],
    "the table's header starts | group | tools |",
  );
  const roleColumns = header.slice(2);
  const rows = lines.slice(2).map((line): Row => {
    const [group, tools, ...ticks] = cells(line);
    assert.equal(ticks.length, roleColumns.length, `one cell per role: ${line}`);
    for (const tick of ticks) {
      assert.ok(tick === "✓" || tick === "", `a role cell is ✓ or empty, not "${tick}": ${line}`);
    }
    return {
      line,
      group: group.replace(/^`|`$/g, ""),
      // Every backticked snake_case name in the cell: a misspelt tool is kept, so it fails below rather than vanish.
      tools: [...tools.matchAll(/`([a-z]+(?:_[a-z]+)+)`/g)].map((m) => m[1]),
      roles: roleColumns.filter((_, i) => ticks[i] === "✓"),
    };
  });
  return { roleColumns, rows };
}

test("README's role table has a column per role and a row per access group", () => {
  const { roleColumns, rows } = readmeRoleTable();
  assert.deepEqual([...roleColumns].sort(), [...ROLES].sort());
  for (const row of rows) {
    assert.ok(
      (TOOL_GROUPS as readonly string[]).includes(row.group),
      `"${row.group}" is not an access group: ${row.line}`,
    );
  }
  assert.deepEqual(
    [...new Set(rows.map((r) => r.group))].sort(),
    [...TOOL_GROUPS].sort(),
    "every access group has a row",
  );
});

test("README's role table names every tool once, in the group its definition declares", () => {
  const { rows } = readmeRoleTable();
  const listed = rows.flatMap((r) => r.tools);
  assert.deepEqual(
    [...listed].sort(),
    TOOLS.map((t) => t.name).sort(),
    "every registered tool, and only those, once",
  );
  const groupOf = new Map(TOOLS.map((t) => [t.name, t.group]));
  for (const row of rows) {
    for (const tool of row.tools) {
      assert.equal(
        row.group,
        groupOf.get(tool),
        `${tool}: README puts it in "${row.group}", its definition in "${groupOf.get(tool)}"`,
      );
    }
  }
});

test("README's role table ticks exactly the roles lib/permissions.ts grants each group", () => {
  for (const row of readmeRoleTable().rows) {
    const granted = ROLES.filter((role) => hasGroup(role, row.group as ToolGroup));
    assert.deepEqual(
      [...row.roles].sort(),
      [...granted].sort(),
      `group "${row.group}": README ticks ${row.roles}, the map grants ${granted}`,
    );
    for (const tool of row.tools) {
      assert.deepEqual(
        [...row.roles].sort(),
        rolesFor(tool).sort(),
        `${tool}: README ticks ${row.roles}, permissions grant ${rolesFor(tool)}`,
      );
    }
  }
});
