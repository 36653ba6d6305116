import { test } from "node:test";
import assert from "node:assert/strict";
import { decodeHeaderValue, IdentityError, readUser } from "../../lib/identity/identity.ts";

const b64 = (s: string) => `b64:${btoa(String.fromCharCode(...new TextEncoder().encode(s)))}`;

test("b64: values (LibreChat's encoding above U+00FF) are decoded as UTF-8", () => {
  assert.equal(decodeHeaderValue("x-user-email", b64("张工@油田.cn")), "张工@油田.cn");
  assert.equal(decodeHeaderValue("x-user-name", b64("王 建国")), "王 建国");
  assert.equal(decodeHeaderValue("x-user-email", "plain@example.com"), "plain@example.com");
  assert.equal(decodeHeaderValue("x-user-id", null), "");
});

test("a literal placeholder or broken b64 is refused with a message that says so", () => {
  assert.throws(
    () => decodeHeaderValue("x-user-role", "{{LIBRECHAT_USER_ROLE}}"),
    (e: Error) =>
      e instanceof IdentityError && e.message.includes('"{{LIBRECHAT_USER_ROLE}}"') &&
      /did not substitute/.test(e.message),
  );
  assert.throws(() => decodeHeaderValue("x-user-email", "b64:@@@"), IdentityError);
  assert.throws(() => decodeHeaderValue("x-user-email", `b64:${btoa("\xff\xfe")}`), /not UTF-8/);
});

test("readUser maps the role through ROLE_MAP; unknown roles map to null", () => {
  const map = new Map([["GEOLOGIST", "USER" as const]]);
  const h = (role: string) =>
    new Headers({ "x-user-role": role, "x-user-email": b64("李工@例子.cn"), "x-user-id": "u1" });
  const geo = readUser(h("geologist"), map);
  assert.deepEqual(geo.role, { raw: "geologist", role: "USER" });
  assert.equal(geo.email, "李工@例子.cn");
  assert.equal(readUser(h("admin "), map).role.role, "ADMIN");
  assert.equal(readUser(h("superuser"), map).role.role, null);
  assert.equal(readUser(new Headers(), map).role.role, null);
});
