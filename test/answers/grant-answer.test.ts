import { test } from "node:test";
import assert from "node:assert/strict";
import { grantsAnswer } from "../../lib/answers/grant-answer.ts";
import type { Grant } from "../../lib/scope/grants.ts";

const grant = (id: number, grant_kind: "block" | "well", value: string): Grant => ({
  id,
  principal_kind: "user",
  principal: "u-li",
  email: "li@oilfield.example",
  grant_kind,
  value,
  granted_by: "admin@example.com (u-admin)",
  granted_at: "2026-01-02T03:04:05.000Z",
});

test("grantsAnswer names the user, lists blocks before wells and shows the grants without their row id", () => {
  const answer = grantsAnswer({ kind: "user", id: "u-li" }, "li@oilfield.example", [
    grant(3, "well", "W005"),
    grant(1, "block", "石南"),
    grant(2, "block", "莫北"),
  ]);
  assert.equal(answer.principal, "用户 user li@oilfield.example (u-li)");
  assert.equal(answer.now, "区块 blocks 石南, 莫北；单井 wells W005");
  assert.deepEqual(answer.grants.map((g) => [g.grant_kind, g.value]), [
    ["well", "W005"],
    ["block", "石南"],
    ["block", "莫北"],
  ]);
  assert.equal("id" in answer.grants[0], false);
});

test("grantsAnswer says a role with no grants left sees nothing granted", () => {
  const answer = grantsAnswer({ kind: "role", id: "USER" }, null, []);
  assert.deepEqual(answer, {
    principal: "角色 role USER",
    grants: [],
    now: "（无授权 nothing granted）",
  });
});
