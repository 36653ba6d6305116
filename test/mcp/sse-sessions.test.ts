import { test } from "node:test";
import assert from "node:assert/strict";
import { createSseSessionStore, sameIdentity } from "../../lib/mcp/sse-sessions.ts";
import type { SseSessionEntry } from "../../lib/mcp/sse-sessions.ts";
import type { User } from "../../lib/identity/identity.ts";
import { resolveRole } from "../../lib/permissions.ts";

const user = (id: string, role = "USER", name = "王工"): User => ({
  id,
  email: `${id}@example.com`,
  name,
  role: resolveRole(role, new Map()),
});

function fixture(maxSessions = 2, idleMs = 1000, maxPerUser?: number) {
  let clock = 0;
  const closed: string[] = [];
  const store = createSseSessionStore({ maxSessions, idleMs, maxPerUser, now: () => clock });
  const entry = (id: string, who: User): SseSessionEntry => ({
    id,
    user: who,
    close: async () => void closed.push(id),
  });
  return { store, entry, closed, tick: (ms: number) => (clock += ms) };
}

test("a POST reaches its session only with the opener's identity; a mismatch is 403 and refreshes nothing", () => {
  const { store, entry, tick } = fixture(2, 1000);
  const admin = user("a1", "ADMIN", "Admin");
  assert.equal(store.add(entry("s1", admin)), true);
  const ok = store.lookup("s1", user("a1", "ADMIN", "Admin"));
  assert.equal(ok.ok, true);

  for (
    const other of [user("u2"), user("a1", "USER", "Admin"), user("a1", "ADMIN", "Someone else")]
  ) {
    const refused = store.lookup("s1", other);
    assert.equal(refused.ok, false);
    if (!refused.ok) {
      assert.equal(refused.status, 403);
      assert.match(refused.message, /belongs to another user/);
    }
  }
  // Refused lookups did not keep the session alive: it expires from its last real use.
  tick(600);
  store.lookup("s1", user("u2"));
  tick(600);
  const gone = store.lookup("s1", admin);
  assert.equal(gone.ok, false);
  if (!gone.ok) assert.equal(gone.status, 404);
});

test("sessions idle past the limit are closed by sweep; used ones stay", () => {
  const { store, entry, closed, tick } = fixture(5, 1000);
  store.add(entry("idle", user("u1")));
  store.add(entry("busy", user("u2")));
  tick(700);
  assert.equal(store.lookup("busy", user("u2")).ok, true);
  store.touch("busy");
  tick(400);
  assert.equal(store.sweep(), 1);
  assert.deepEqual(closed, ["idle"]);
  assert.equal(store.size, 1);
  const unknown = store.lookup("idle", user("u1"));
  assert.equal(unknown.ok ? 0 : unknown.status, 404);
});

test("the store is bounded; a full store first closes idle sessions, then refuses", () => {
  const { store, entry, closed, tick } = fixture(2, 1000);
  assert.equal(store.add(entry("s1", user("u1"))), true);
  tick(500);
  assert.equal(store.add(entry("s2", user("u2"))), true);
  assert.equal(store.add(entry("s3", user("u3"))), false);
  assert.equal(store.size, 2);
  tick(600); // s1 idle for 1100 ms, s2 for 600 ms
  assert.equal(store.add(entry("s3", user("u3"))), true);
  assert.deepEqual(closed, ["s1"]);
  assert.equal(store.size, 2);
});

test("closeAll closes every session; remove forgets one", async () => {
  const { store, entry, closed } = fixture(5, 1000);
  store.add(entry("s1", user("u1")));
  store.add(entry("s2", user("u2")));
  store.remove("s1");
  await store.closeAll();
  assert.deepEqual(closed, ["s2"]);
  assert.equal(store.size, 0);
});

test("sameIdentity compares decoded id, email, name and raw role", () => {
  assert.equal(sameIdentity(user("x"), user("x")), true);
  assert.equal(
    sameIdentity(user("x", "USER"), user("x", "user")),
    false,
    "the raw role as sent, not just the permission role",
  );
  assert.equal(sameIdentity(user("x"), user("y")), false);
});

test("one identity holds at most maxPerUser sessions: opening one more closes its least recently active one, others keep theirs (issue 17 item 4)", () => {
  const { store, entry, closed, tick } = fixture(100, 10_000, 2);
  assert.equal(store.maxPerUser, 2);
  store.add(entry("bob-1", user("bob")));
  tick(10);
  store.add(entry("a-1", user("a")));
  tick(10);
  store.add(entry("a-2", user("a")));
  tick(10);
  store.touch("a-1");
  for (let i = 3; i <= 50; i++) {
    tick(10);
    assert.equal(store.add(entry(`a-${i}`, user("a"))), true);
  }
  assert.equal(store.size, 3, "two of a's, one of bob's");
  assert.equal(closed.length, 48);
  assert.equal(closed[0], "a-2", "a-1 was used more recently than a-2");
  assert.equal(closed.includes("bob-1"), false);
  assert.equal(store.lookup("bob-1", user("bob")).ok, true);
  assert.equal(store.lookup("a-50", user("a")).ok, true);
});

test("lookup alone does not keep a session open; only touch (a real client message) restarts its idle clock", () => {
  const { store, entry, closed, tick } = fixture(5, 1000);
  store.add(entry("s", user("u1")));
  for (let i = 0; i < 5; i++) {
    tick(300);
    store.lookup("s", user("u1"));
  }
  assert.deepEqual(closed, ["s"]);
  const gone = store.lookup("s", user("u1"));
  assert.equal(gone.ok ? 200 : gone.status, 404);
  store.add(entry("t", user("u1")));
  for (let i = 0; i < 5; i++) {
    tick(300);
    store.touch("t");
  }
  assert.equal(store.sweep(), 0);
  assert.equal(store.lookup("t", user("u1")).ok, true);
});
