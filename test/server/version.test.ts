import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { SERVER_INFO } from "../../lib/mcp/server.ts";
import { SERVER_VERSION } from "../../lib/server/version.ts";

test("the version is package.json's, and initialize reports that one", () => {
  const pkg = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as {
    version: string;
  };
  assert.match(pkg.version, /^\d+\.\d+\.\d+/);
  assert.equal(SERVER_VERSION, pkg.version);
  assert.equal(
    SERVER_INFO.version,
    pkg.version,
    "lib/mcp/server.ts takes it from lib/server/version.ts, not a copy",
  );
});
