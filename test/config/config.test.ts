import { test } from "node:test";
import assert from "node:assert/strict";
import { ConfigError, loadConfig, parseDatabaseUrl } from "../../lib/config/config.ts";

test("defaults: port 8080, loopback, the embedded ./data/oilfield.db, demo data on", () => {
  const config = loadConfig({});
  assert.equal(config.port, 8080);
  assert.equal(config.host, "127.0.0.1");
  assert.deepEqual(config.database, {
    url: "file:./data/oilfield.db",
    kind: "file",
    path: "./data/oilfield.db",
  });
  assert.equal(config.seedDemoData, true);
  assert.equal(config.roleMap.size, 0);
});

test("DATABASE_URL accepts file:, :memory:, remote URLs and the guide's sqlite:////abs/path", () => {
  assert.deepEqual(parseDatabaseUrl("sqlite:////opt/oilMCP/oilfield.db"), {
    url: "file:/opt/oilMCP/oilfield.db",
    kind: "file",
    path: "/opt/oilMCP/oilfield.db",
  });
  assert.deepEqual(parseDatabaseUrl("sqlite:///rel/oil.db"), {
    url: "file:rel/oil.db",
    kind: "file",
    path: "rel/oil.db",
  });
  assert.deepEqual(parseDatabaseUrl("file:///var/lib/x.db"), {
    url: "file:/var/lib/x.db",
    kind: "file",
    path: "/var/lib/x.db",
  });
  assert.equal(parseDatabaseUrl(":memory:").kind, "memory");
  assert.deepEqual(parseDatabaseUrl("libsql://db.example.turso.io"), {
    url: "libsql://db.example.turso.io",
    kind: "remote",
  });
  assert.equal(parseDatabaseUrl("https://db.example.com").kind, "remote");
  assert.throws(() => parseDatabaseUrl("postgres://x/y"), /expected file:PATH/);
});

test("one error names every bad variable with its value", () => {
  assert.throws(
    () =>
      loadConfig({
        PORT: "eighty",
        DATABASE_URL: "mysql://x",
        LOG_LEVEL: "loud",
        ROLE_MAP: "geologist=ROOT",
        SEED_DEMO_DATA: "maybe",
      }),
    (e: Error) => {
      assert.ok(e instanceof ConfigError);
      for (
        const part of [
          'PORT="eighty"',
          'DATABASE_URL="mysql://x"',
          'LOG_LEVEL="loud"',
          'ROLE_MAP="geologist=ROOT"',
          'SEED_DEMO_DATA="maybe"',
        ]
      ) {
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

test("a public bind without MCP_AUTH_TOKEN stops start-up unless explicitly allowed", () => {
  for (const host of ["0.0.0.0", "::", "10.0.0.5", "mcp.example.com"]) {
    assert.throws(() => loadConfig({ HOST: host }), (e: Error) => {
      assert.ok(e instanceof ConfigError);
      assert.ok(e.message.includes(`HOST="${host}"`), e.message);
      assert.match(e.message, /MCP_AUTH_TOKEN/);
      assert.match(e.message, /MCP_ALLOW_PUBLIC_WITHOUT_TOKEN=true/);
      return true;
    });
  }
  assert.equal(
    loadConfig({ HOST: "0.0.0.0", MCP_AUTH_TOKEN: "0123456789abcdef" }).authToken,
    "0123456789abcdef",
  );
  const optIn = loadConfig({ HOST: "0.0.0.0", MCP_ALLOW_PUBLIC_WITHOUT_TOKEN: "true" });
  assert.equal(optIn.allowPublicWithoutToken, true);
  assert.equal(optIn.authToken, undefined);
  for (const host of ["127.0.0.1", "localhost", "::1", "127.0.0.2"]) {
    assert.equal(loadConfig({ HOST: host }).host, host);
  }
});

test("a short MCP_AUTH_TOKEN is refused without echoing it", () => {
  assert.throws(() => loadConfig({ MCP_AUTH_TOKEN: "hunter2" }), (e: Error) => {
    assert.match(e.message, /MCP_AUTH_TOKEN=\(hidden, 7 characters\): too short/);
    assert.ok(!e.message.includes("hunter2"));
    return true;
  });
});

test("ALLOWED_HOSTS takes host names; SSE limits have defaults", () => {
  const config = loadConfig({ ALLOWED_HOSTS: " Oilfield-MCP, mcp.example.com ,[fd00::5]" });
  assert.deepEqual(config.allowedHosts, ["oilfield-mcp", "mcp.example.com", "fd00::5"]);
  assert.deepEqual(loadConfig({ ALLOWED_HOSTS: "*" }).allowedHosts, ["*"]);
  assert.throws(
    () => loadConfig({ ALLOWED_HOSTS: "http://mcp.example.com/" }),
    /ALLOWED_HOSTS="http:\/\/mcp.example.com\/": "http:\/\/mcp.example.com\/" is not a host name/,
  );
  const defaults = loadConfig({});
  assert.deepEqual(defaults.allowedHosts, []);
  assert.equal(defaults.sseMaxSessions, 1000);
  assert.equal(defaults.sseIdleSeconds, 1800);
  assert.equal(defaults.sseMaxSessionsPerUser, 5);
  assert.equal(defaults.authToken, undefined);
});

test("SCOPED_ROLES: permission roles, case-insensitive, ADMIN refused", () => {
  assert.deepEqual(loadConfig({}).scopedRoles, []);
  assert.deepEqual(loadConfig({ SCOPED_ROLES: " user, Engineer ,USER" }).scopedRoles, [
    "USER",
    "ENGINEER",
  ]);
  assert.throws(
    () => loadConfig({ SCOPED_ROLES: "USER,ADMIN" }),
    /SCOPED_ROLES="USER,ADMIN": "ADMIN" always sees every well/,
  );
  assert.throws(() => loadConfig({ SCOPED_ROLES: "GEOLOGIST" }), /"GEOLOGIST" is not a role/);
});
