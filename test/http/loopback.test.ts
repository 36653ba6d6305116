import { test } from "node:test";
import assert from "node:assert/strict";
import { hostnameOf, isLoopback } from "../../lib/http/loopback.ts";

test("isLoopback: localhost, ::1 and 127/8 only", () => {
  for (
    const h of ["localhost", "LOCALHOST", "127.0.0.1", "127.1.2.3", "::1", "[::1]", "app.localhost"]
  ) assert.equal(isLoopback(h), true, h);
  for (
    const h of [
      "0.0.0.0",
      "::",
      "10.0.0.5",
      "192.168.1.2",
      "mcp.example.com",
      "localhost.evil.com",
      "128.0.0.1",
    ]
  ) assert.equal(isLoopback(h), false, h);
});

test("hostnameOf strips the port and IPv6 brackets", () => {
  const cases = [
    ["Example.COM:8080", "example.com"],
    ["127.0.0.1:49152", "127.0.0.1"],
    ["[::1]:8080", "::1"],
    ["[fe80::1]", "fe80::1"],
    ["fe80::1", "fe80::1"],
    ["oilfield-mcp", "oilfield-mcp"],
  ];
  for (const [host, name] of cases) assert.equal(hostnameOf(host), name, host);
});
