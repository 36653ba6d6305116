import { test } from "node:test";
import assert from "node:assert/strict";
import { canCall, deniedMessage, resolveRole, ROLE_TOOLS, scopeKind } from "../lib/permissions.ts";
import { TOOLS } from "../lib/tools/index.ts";

test("every tool named in the role map exists", () => {
  const names = new Set(TOOLS.map((t) => t.name));
  for (const [role, grant] of Object.entries(ROLE_TOOLS)) {
    if (grant === "*") continue;
    for (const tool of grant) assert.ok(names.has(tool), `${role} is granted unknown tool ${tool}`);
  }
});

test("ADMIN may call every tool; USER no write; a null role nothing", () => {
  for (const tool of TOOLS) {
    assert.equal(canCall("ADMIN", tool.name), true);
    assert.equal(canCall(null, tool.name), false);
    if (!tool.annotations.readOnlyHint) assert.equal(canCall("USER", tool.name), false, `USER must not call ${tool.name}`);
  }
});

test("the refusal is the guide's text verbatim", () => {
  assert.equal(deniedMessage(resolveRole("USER", new Map()), "export_all_data"), "权限不足：用户角色 USER 无权访问工具 export_all_data");
  assert.equal(deniedMessage(resolveRole("guest", new Map()), "list_wells"), "权限不足：用户角色 guest 无权访问工具 list_wells");
});

test("data scopes: every well by default, granted-only for SCOPED_ROLES, ADMIN always every well", () => {
  assert.equal(scopeKind("USER", []), "all");
  assert.equal(scopeKind("USER", ["USER"]), "granted");
  assert.equal(scopeKind("ENGINEER", ["USER"]), "all");
  assert.equal(scopeKind("ADMIN", ["USER", "ENGINEER"]), "all");
  assert.equal(scopeKind(null, []), "granted");
});
