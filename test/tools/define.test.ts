import { test } from "node:test";
import assert from "node:assert/strict";
import { z } from "zod";
import { ROLES } from "../../lib/config.ts";
import { canCall } from "../../lib/permissions.ts";
import { defineTool } from "../../lib/tools/define.ts";
import type { ToolDef } from "../../lib/tools/define.ts";
import { TOOLS } from "../../lib/tools/index.ts";

test("annotations agree with the access group: read and scope tools are read-only, write and save tools are not", () => {
  for (const tool of TOOLS) {
    const { readOnlyHint, destructiveHint } = tool.annotations;
    assert.equal(typeof readOnlyHint, "boolean", `${tool.name}: readOnlyHint is declared`);
    if (tool.group === "read" || tool.group === "scope") {
      assert.equal(readOnlyHint, true, `${tool.name} (${tool.group}) is read-only`);
      assert.notEqual(destructiveHint, true, `${tool.name} (${tool.group}) is not destructive`);
    }
    if (tool.group === "write" || tool.group === "save") assert.equal(readOnlyHint, false, `${tool.name} (${tool.group}) changes data`);
    // MCP reads a missing destructiveHint as true: a tool that changes data says which it is.
    if (readOnlyHint === false) assert.equal(typeof destructiveHint, "boolean", `${tool.name}: destructiveHint is declared`);
  }
});

test("history and admin, which mix readers and writers, hold each kind the README says", () => {
  const readOnly = (group: string) => TOOLS.filter((t) => t.group === group && t.annotations.readOnlyHint).map((t) => t.name).sort();
  assert.deepEqual(readOnly("history"), ["get_record_history"]);
  assert.deepEqual(readOnly("admin"), ["export_all_data", "query_audit_log"]);
});

test("a tool needs an access group to compile, and one not in lib/tools/index.ts is callable by no role", () => {
  const parts = {
    name: "unlisted_tool", title: "t", description: "未登记 / unlisted", input: z.strictObject({}), output: z.strictObject({}),
    annotations: { readOnlyHint: true }, run: async () => ({ structured: {}, text: "" }),
  };
  // @ts-expect-error: `group` is required, so a tool without an access group does not type-check
  const ungrouped: ToolDef = parts;
  // @ts-expect-error: "everyone" is not an access group
  const wrongGroup: ToolDef = { ...parts, group: "everyone" };
  const unlisted = defineTool({ ...parts, group: "read" });
  for (const tool of [ungrouped, wrongGroup, unlisted]) {
    for (const role of [...ROLES, null]) assert.equal(canCall(role, tool.name), false, `${role} ${tool.name}`);
  }
});
