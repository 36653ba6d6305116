import type { FetchHandler } from "../server/serve.ts";
import { httpErrorResponse } from "./errors.ts";

/** Counts requests in flight so a shutdown can wait for them, and refuses new ones once draining. */
export interface Drain {
  /** `fetch` wrapped: counted while running; 503 with `Connection: close` once draining. */
  wrap(fetch: FetchHandler): FetchHandler;
  /** Starts draining; resolves when no request is in flight. */
  drain(): Promise<void>;
  readonly inFlight: number;
}

/**
 * Creates the in-flight counter of one server. Deno's `shutdown()` cuts off a
 * request whose body is still arriving, so on Deno the listener is shut only
 * after this drain; on Node, `server.close()` already waits, and the drain adds
 * the 503 for requests arriving on kept-alive connections.
 */
export function createDrain(): Drain {
  let inFlight = 0;
  let draining = false;
  let idle: (() => void) | null = null;
  const settle = () => {
    inFlight--;
    if (draining && inFlight === 0) idle?.();
  };
  return {
    get inFlight() {
      return inFlight;
    },
    wrap: (fetch) => async (request) => {
      if (draining) {
        return httpErrorResponse(
          503,
          "shutting_down",
          "服务正在停止，请稍后重试 / the server is shutting down: retry in a moment",
          {
            connection: "close",
            "retry-after": "5",
          },
        );
      }
      inFlight++;
      try {
        return await fetch(request);
      } finally {
        settle();
      }
    },
    drain() {
      draining = true;
      return inFlight === 0 ? Promise.resolve() : new Promise<void>((resolve) => (idle = resolve));
    },
  };
}
