import { test } from "node:test";
import assert from "node:assert/strict";
import { createLogger } from "../../lib/observability/log.ts";
import { installShutdown } from "../../lib/server/shutdown.ts";

function harness(close: () => Promise<void>, graceMs = 10_000) {
  const handlers = new Map<string, () => void>();
  const exits: number[] = [];
  const lines: string[] = [];
  let exited = () => {};
  const done = new Promise<void>((r) => (exited = r));
  installShutdown({
    close,
    graceMs,
    log: createLogger({ level: "debug", write: (l) => lines.push(JSON.parse(l).msg) }),
    exit: (code) => (exits.push(code), exited()),
    on: (signal, handler) => handlers.set(signal, handler),
  });
  return { handlers, exits, lines, done };
}

test("a signal closes gracefully and exits 0", async () => {
  let closed = false;
  const h = harness(async () => void (closed = true));
  h.handlers.get("SIGTERM")!();
  await h.done;
  assert.equal(closed, true);
  assert.deepEqual(h.exits, [0]);
  assert.deepEqual(h.lines, ["shutting down", "stopped"]);
});

test("a close that outlasts the grace period, or fails, exits 1; a second signal exits 1 at once", async () => {
  const slow = harness(() => new Promise(() => {}), 20);
  slow.handlers.get("SIGINT")!();
  await slow.done;
  assert.deepEqual(slow.exits, [1]);
  const failing = harness(() => Promise.reject(new Error("disk gone")));
  failing.handlers.get("SIGTERM")!();
  await failing.done;
  assert.deepEqual(failing.exits, [1]);
  const twice = harness(() => new Promise(() => {}), 50);
  twice.handlers.get("SIGTERM")!();
  twice.handlers.get("SIGINT")!();
  await twice.done;
  assert.deepEqual(twice.exits, [1]);
});
