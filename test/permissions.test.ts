import { test } from "node:test";
import assert from "node:assert/strict";
import { parseRoleMap, ROLES } from "../lib/config/config.ts";
import type { Role } from "../lib/config/config.ts";
import {
  canCall,
  deniedMessage,
  hasGroup,
  resolveRole,
  ROLE_GROUPS,
  scopeKind,
  TOOL_GROUPS,
} from "../lib/permissions.ts";
import { TOOLS } from "../lib/tools/index.ts";
import { ADMIN_TOOLS, ENGINEER_TOOLS, USER_TOOLS } from "./helpers/role-tools.ts";

// Who may call what, written out by hand in test/helpers/role-tools.ts: any change to a role's tools
// must change that table on purpose.
const EXPECTED: Record<string, string[]> = {
  USER: USER_TOOLS,
  ENGINEER: ENGINEER_TOOLS,
  ADMIN: ADMIN_TOOLS,
};

function toolsOf(raw: string, roleMap: ReadonlyMap<string, Role> = new Map()): string[] {
  const { role } = resolveRole(raw, roleMap);
  return TOOLS.map((t) => t.name).filter((name) => canCall(role, name)).sort();
}

test("each role gets exactly its tools: the pinned role → tools table", () => {
  assert.deepEqual([...ROLES].sort(), Object.keys(EXPECTED).sort());
  for (const role of ROLES) assert.deepEqual(toolsOf(role), [...EXPECTED[role]].sort(), role);
  assert.deepEqual(
    TOOLS.map((t) => t.name).sort(),
    [...ADMIN_TOOLS].sort(),
    "ADMIN's list names every registered tool",
  );
});

test("ROLE_MAP roles get their target's tools; an unknown, empty or unmapped role gets none", () => {
  const roleMap = parseRoleMap("geologist=USER, drilling_lead=ENGINEER");
  assert.deepEqual(toolsOf(" Geologist ", roleMap), [...USER_TOOLS].sort());
  assert.deepEqual(toolsOf("drilling_lead", roleMap), [...ENGINEER_TOOLS].sort());
  assert.deepEqual(toolsOf("admin"), [...ADMIN_TOOLS].sort());
  for (const raw of ["guest", "", "{{LIBRECHAT_USER_ROLE}}", "*", "read", "ADMIN,USER"]) {
    assert.deepEqual(toolsOf(raw, roleMap), [], raw);
  }
});

test("every access group has a tool and a role; ADMIN holds every group", () => {
  for (const group of TOOL_GROUPS) {
    assert.ok(TOOLS.some((t) => t.group === group), `no tool is in group "${group}"`);
    assert.ok(ROLES.some((role) => hasGroup(role, group)), `no role is granted group "${group}"`);
  }
  assert.deepEqual([...ROLE_GROUPS.ADMIN].sort(), [...TOOL_GROUPS].sort());
  for (const tool of TOOLS) {
    assert.ok(
      (TOOL_GROUPS as readonly string[]).includes(tool.group),
      `${tool.name}: unknown group "${tool.group}"`,
    );
  }
});

test("fail closed: a name no registered tool has, or a role not in the map, may call nothing", () => {
  for (const name of ["no_such_tool", "", "*", "read", "constructor"]) {
    for (const role of [...ROLES, null]) {
      assert.equal(canCall(role, name), false, `${role} ${name}`);
    }
  }
  for (const forged of ["GUEST", "toString", "__proto__", "hasOwnProperty"]) {
    for (const group of TOOL_GROUPS) {
      assert.equal(hasGroup(forged as Role, group), false, `${forged} ${group}`);
    }
    assert.equal(canCall(forged as Role, "list_wells"), false, forged);
  }
});

test("ADMIN may call every tool; USER no write; a null role nothing", () => {
  for (const tool of TOOLS) {
    assert.equal(canCall("ADMIN", tool.name), true);
    assert.equal(canCall(null, tool.name), false);
    if (!tool.annotations.readOnlyHint) {
      assert.equal(canCall("USER", tool.name), false, `USER must not call ${tool.name}`);
    }
  }
});

test("the refusal is the guide's text verbatim", () => {
  assert.equal(
    deniedMessage(resolveRole("USER", new Map()), "export_all_data"),
    "权限不足：用户角色 USER 无权访问工具 export_all_data",
  );
  assert.equal(
    deniedMessage(resolveRole("guest", new Map()), "list_wells"),
    "权限不足：用户角色 guest 无权访问工具 list_wells",
  );
});

test("data scopes: every well by default, granted-only for SCOPED_ROLES, ADMIN always every well", () => {
  assert.equal(scopeKind("USER", []), "all");
  assert.equal(scopeKind("USER", ["USER"]), "granted");
  assert.equal(scopeKind("ENGINEER", ["USER"]), "all");
  assert.equal(scopeKind("ADMIN", ["USER", "ENGINEER"]), "all");
  assert.equal(scopeKind(null, []), "granted");
});
