import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { SERVER_INFO } from "../lib/mcp.ts";
import { SERVER_VERSION } from "../lib/version.ts";

test("the version is package.json's, and initialize reports that one", () => {
  const pkg = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as { version: string };
  assert.match(pkg.version, /^\d+\.\d+\.\d+/);
  assert.equal(SERVER_VERSION, pkg.version);
  assert.equal(SERVER_INFO.version, pkg.version, "lib/mcp.ts takes it from lib/version.ts, not a copy");
});
