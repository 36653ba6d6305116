import { test } from "node:test";
import assert from "node:assert/strict";
import {
  decodeLibreChatHeaderValue,
  encodeLibreChatHeaderValue,
  resolveLibreChatHeaders,
} from "./librechat.ts";

const headers = {
  "X-User-Role": "{{LIBRECHAT_USER_ROLE}}",
  "X-User-Email": "{{LIBRECHAT_USER_EMAIL}}",
  "X-User-ID": "{{LIBRECHAT_USER_ID}}",
  "X-User-Name": "{{LIBRECHAT_USER_NAME}}",
  Authorization: "Bearer ${OILFIELD_MCP_TOKEN}",
};

test("user fields and ${VAR} are filled in", () => {
  const user = { id: "u1", role: "ADMIN", email: "li@oilfield.cn", name: "Li Na" };
  assert.deepEqual(resolveLibreChatHeaders(headers, user, { OILFIELD_MCP_TOKEN: "t0k" }), {
    "X-User-Role": "ADMIN",
    "X-User-Email": "li@oilfield.cn",
    "X-User-ID": "u1",
    "X-User-Name": "Li Na",
    Authorization: "Bearer t0k",
  });
});

test("name, username and email above U+00FF go out as b64: of UTF-8; Latin-1 stays as it is", () => {
  // LibreChat PR #11432's own example: "Đorđe" → "b64:xJBvcsSRZQ==".
  assert.equal(encodeLibreChatHeaderValue("Đorđe"), "b64:xJBvcsSRZQ==");
  assert.equal(encodeLibreChatHeaderValue("Müller"), "Müller");
  const user = {
    id: "u2",
    role: "USER",
    email: "王芳@油田.cn",
    name: "王芳",
    username: "wangfang",
  };
  const out = resolveLibreChatHeaders({ ...headers, U: "{{LIBRECHAT_USER_USERNAME}}" }, user);
  assert.equal(
    out["X-User-Name"],
    `b64:${btoa(String.fromCharCode(...new TextEncoder().encode("王芳")))}`,
  );
  assert.equal(decodeLibreChatHeaderValue(out["X-User-Name"]), "王芳");
  assert.equal(decodeLibreChatHeaderValue(out["X-User-Email"]), "王芳@油田.cn");
  assert.equal(out.U, "wangfang");
});

test("role and id are never encoded, so a Chinese role name reaches fetch() raw", () => {
  const out = resolveLibreChatHeaders(headers, { id: "u3", role: "钻井工程师" });
  assert.equal(out["X-User-Role"], "钻井工程师");
  assert.throws(() => new Headers({ "X-User-Role": out["X-User-Role"] }));
});

test("a missing field stays a literal placeholder, null becomes empty, an empty id stays", () => {
  const out = resolveLibreChatHeaders(headers, { id: "", role: null });
  assert.equal(out["X-User-ID"], "{{LIBRECHAT_USER_ID}}");
  assert.equal(out["X-User-Role"], "");
  assert.equal(out["X-User-Email"], "{{LIBRECHAT_USER_EMAIL}}");
  assert.equal(
    out.Authorization,
    "Bearer ${OILFIELD_MCP_TOKEN}",
    "an unset variable stays literal",
  );
});

test("without a user every placeholder stays, as LibreChat sends it during discovery", () => {
  const out = resolveLibreChatHeaders(headers, undefined, { OILFIELD_MCP_TOKEN: "x" });
  assert.equal(out["X-User-Role"], "{{LIBRECHAT_USER_ROLE}}");
  assert.equal(out.Authorization, "Bearer x");
});

test("infrastructure secrets and a user's own ${…} text are never expanded", () => {
  const env = { JWT_SECRET: "jwt", OILFIELD_MCP_TOKEN: "t" };
  const out = resolveLibreChatHeaders(
    { A: "${JWT_SECRET}", E: "{{LIBRECHAT_USER_EMAIL}}" },
    { email: "${OILFIELD_MCP_TOKEN}" },
    env,
  );
  assert.deepEqual(out, { A: "${JWT_SECRET}", E: "${OILFIELD_MCP_TOKEN}" });
});

test("values are trimmed and booleans become text", () => {
  const out = resolveLibreChatHeaders({ V: "  {{LIBRECHAT_USER_EMAILVERIFIED}} " }, {
    emailVerified: true,
  });
  assert.equal(out.V, "true");
});
