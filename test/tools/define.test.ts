import { test } from "node:test";
import assert from "node:assert/strict";
import { z } from "zod";
import { ROLES } from "../../lib/config/config.ts";
import { canCall } from "../../lib/permissions.ts";
import { defineTool } from "../../lib/call/define-tool.ts";
import type { ToolGroup } from "../../lib/permissions.ts";
import type { GroupedAnnotations, ToolDef } from "../../lib/call/define-tool.ts";
import { TOOLS } from "../../lib/tools/index.ts";

test("annotations agree with the access group: read and scope tools are read-only, write and save tools are not", () => {
  for (const tool of TOOLS) {
    const { readOnlyHint, destructiveHint } = tool.annotations;
    assert.equal(typeof readOnlyHint, "boolean", `${tool.name}: readOnlyHint is declared`);
    if (tool.group === "read" || tool.group === "scope") {
      assert.equal(readOnlyHint, true, `${tool.name} (${tool.group}) is read-only`);
      assert.notEqual(destructiveHint, true, `${tool.name} (${tool.group}) is not destructive`);
    }
    if (tool.group === "write" || tool.group === "save") {
      assert.equal(readOnlyHint, false, `${tool.name} (${tool.group}) changes data`);
    }
    // MCP reads a missing destructiveHint as true: a tool that changes data says which it is.
    if (readOnlyHint === false) {
      assert.equal(typeof destructiveHint, "boolean", `${tool.name}: destructiveHint is declared`);
    }
  }
});

test("history and admin, which mix readers and writers, hold each kind the README says", () => {
  const readOnly = (group: string) =>
    TOOLS.filter((t) => t.group === group && t.annotations.readOnlyHint).map((t) => t.name).sort();
  assert.deepEqual(readOnly("history"), ["get_record_history"]);
  assert.deepEqual(readOnly("admin"), ["export_all_data", "query_audit_log"]);
});

test("a tool needs an access group, and hints that agree with it, to compile; one not in lib/tools/index.ts is callable by no role", () => {
  const parts = {
    name: "unlisted_tool",
    title: "t",
    description: "未登记 / unlisted",
    input: z.strictObject({}),
    output: z.strictObject({}),
    toolset: "read" as const,
    annotations: { readOnlyHint: true as const },
    run: async () => ({ structured: {}, text: "" }),
  };
  // Every access group of lib/permissions.ts can be declared: a group added there and not to GroupedAnnotations fails here.
  const definable: [ToolGroup] extends [GroupedAnnotations["group"]] ? true : false = true;
  assert.equal(definable, true);
  // @ts-expect-error: `group` is required, so a tool without an access group does not type-check
  const ungrouped: ToolDef = parts;
  // @ts-expect-error: "everyone" is not an access group
  const wrongGroup: ToolDef = { ...parts, group: "everyone" };
  // @ts-expect-error: a read tool that says it writes
  const writingReader: ToolDef = { ...parts, group: "read", annotations: { readOnlyHint: false } };
  // @ts-expect-error: a save tool that says it only reads
  const readingSaver: ToolDef = { ...parts, group: "save", annotations: { readOnlyHint: true } };
  // @ts-expect-error: a write tool must say whether it is destructive
  const vagueWriter: ToolDef = { ...parts, group: "write", annotations: { readOnlyHint: false } };
  assert.equal(
    [writingReader, readingSaver, vagueWriter].every((t) => t.name === "unlisted_tool"),
    true,
  );
  const unlisted = defineTool({ ...parts, group: "read" });
  for (const tool of [ungrouped, wrongGroup, unlisted]) {
    for (const role of [...ROLES, null]) {
      assert.equal(canCall(role, tool.name), false, `${role} ${tool.name}`);
    }
  }
});
