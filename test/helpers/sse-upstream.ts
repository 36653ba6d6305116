import { randomUUID } from "node:crypto";
import { serve } from "@hono/node-server";
import { Hono } from "hono";
import { streamSSE } from "hono/streaming";

/** A tiny stand-in for one server instance behind nginx. */
export interface SseUpstream {
  /** `127.0.0.1:PORT`, for `startNginx({ upstreams })`. */
  address: string;
  /** How many `/slow-sse` events were sent so far. */
  sent(): number;
  /** Lets `/slow-sse` send its next event (call after event `n` was received). */
  release(n: number): void;
  close(): Promise<void>;
}

/**
 * Starts an upstream named `name` on 127.0.0.1:0 with
 * - `GET /slow-sse`: events tick 1..3, each only after the test released the one before;
 * - `GET /echo`: the identity and forwarding headers it received, as JSON;
 * - `GET /sse` + `POST /messages?sessionId=`: the legacy MCP SSE handshake; the POST answers
 *   202 only on the instance that holds the stream, 404 elsewhere.
 */
export function startSseUpstream(name: string): Promise<SseUpstream> {
  const releases = new Map<number, () => void>();
  const released = new Set<number>();
  const waitRelease = (n: number) =>
    new Promise<void>((resolve) => {
      if (released.has(n)) resolve();
      else releases.set(n, resolve);
    });
  const sessions = new Set<string>();
  const closers = new Set<() => void>();
  let sent = 0;

  const app = new Hono();
  app.get("/slow-sse", (c) =>
    streamSSE(c, async (stream) => {
      for (let i = 1; i <= 3; i++) {
        await stream.writeSSE({ event: "tick", data: String(i) });
        sent = i;
        if (i < 3) await waitRelease(i);
      }
    }));
  app.get("/echo", (c) => {
    const names = [
      "x-user-role",
      "x-user-email",
      "x-user-id",
      "authorization",
      "x-forwarded-proto",
      "x-real-ip",
    ];
    return c.json({
      instance: name,
      headers: Object.fromEntries(names.map((n) => [n, c.req.header(n) ?? null])),
    });
  });
  app.get("/sse", (c) =>
    streamSSE(c, async (stream) => {
      const id = randomUUID();
      sessions.add(id);
      await stream.writeSSE({ event: "endpoint", data: `/messages?sessionId=${id}` });
      await new Promise<void>((resolve) => {
        closers.add(resolve);
        stream.onAbort(resolve);
      });
      sessions.delete(id);
    }));
  app.post("/messages", (c) => {
    const id = c.req.query("sessionId") ?? "";
    if (!sessions.has(id)) return c.text(`unknown session "${id}" on ${name}`, 404);
    return c.text(`accepted by ${name}`, 202);
  });

  return new Promise((resolve) => {
    const server = serve({ fetch: app.fetch, hostname: "127.0.0.1", port: 0 }, (info) => {
      resolve({
        address: `127.0.0.1:${info.port}`,
        sent: () => sent,
        release(n) {
          released.add(n);
          releases.get(n)?.();
        },
        close: () =>
          new Promise<void>((done) => {
            for (const n of [1, 2, 3]) releases.get(n)?.();
            for (const close of closers) close();
            server.close(() => done());
            (server as { closeAllConnections?: () => void }).closeAllConnections?.();
          }),
      });
    });
  });
}
