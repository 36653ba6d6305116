import { test } from "node:test";
import assert from "node:assert/strict";
import { ConfigError, loadConfig, parseDatabaseUrl } from "../lib/config.ts";

test("defaults: port 8080, loopback, the embedded ./data/oilfield.db, demo data on", () => {
  const config = loadConfig({});
  assert.equal(config.port, 8080);
  assert.equal(config.host, "127.0.0.1");
  assert.deepEqual(config.database, { url: "file:./data/oilfield.db", kind: "file", path: "./data/oilfield.db" });
  assert.equal(config.seedDemoData, true);
  assert.equal(config.roleMap.size, 0);
});

test("DATABASE_URL accepts file:, :memory:, remote URLs and the guide's sqlite:////abs/path", () => {
  assert.deepEqual(parseDatabaseUrl("sqlite:////opt/oilMCP/oilfield.db"), { url: "file:/opt/oilMCP/oilfield.db", kind: "file", path: "/opt/oilMCP/oilfield.db" });
  assert.deepEqual(parseDatabaseUrl("sqlite:///rel/oil.db"), { url: "file:rel/oil.db", kind: "file", path: "rel/oil.db" });
  assert.deepEqual(parseDatabaseUrl("file:///var/lib/x.db"), { url: "file:/var/lib/x.db", kind: "file", path: "/var/lib/x.db" });
  assert.equal(parseDatabaseUrl(":memory:").kind, "memory");
  assert.deepEqual(parseDatabaseUrl("libsql://db.example.turso.io"), { url: "libsql://db.example.turso.io", kind: "remote" });
  assert.equal(parseDatabaseUrl("https://db.example.com").kind, "remote");
  assert.throws(() => parseDatabaseUrl("postgres://x/y"), /expected file:PATH/);
});

test("one error names every bad variable with its value", () => {
  assert.throws(
    () => loadConfig({ PORT: "eighty", DATABASE_URL: "mysql://x", LOG_LEVEL: "loud", ROLE_MAP: "geologist=ROOT", SEED_DEMO_DATA: "maybe" }),
    (e: Error) => {
      assert.ok(e instanceof ConfigError);
      for (const part of ['PORT="eighty"', 'DATABASE_URL="mysql://x"', 'LOG_LEVEL="loud"', 'ROLE_MAP="geologist=ROOT"', 'SEED_DEMO_DATA="maybe"']) {
        assert.ok(e.message.includes(part), `${part} named in: ${e.message}`);
      }
      return true;
    },
  );
});

test("ROLE_MAP maps custom roles (case-insensitive) onto permission roles", () => {
  const config = loadConfig({ ROLE_MAP: " geologist=user, Drilling_Lead=ENGINEER " });
  assert.equal(config.roleMap.get("GEOLOGIST"), "USER");
  assert.equal(config.roleMap.get("DRILLING_LEAD"), "ENGINEER");
  assert.throws(() => loadConfig({ ROLE_MAP: "a=b=c" }), /ROLE_MAP/);
});
