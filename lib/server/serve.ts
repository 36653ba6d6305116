import { serve as nodeServe } from "@hono/node-server";
import { createDrain } from "../http/drain.ts";

/** A request handler in the web-standard form (Hono's `app.fetch`). */
export type FetchHandler = (request: Request) => Response | Promise<Response>;

/** A listening server. */
export interface Listening {
  /** The bound port (useful with port 0). */
  readonly port: number;
  readonly host: string;
  /** Stops accepting connections and resolves once in-flight requests have finished. */
  close(): Promise<void>;
}

interface DenoServer {
  readonly addr: { port: number };
  shutdown(): Promise<void>;
}
interface DenoLike {
  serve(
    options: { hostname: string; port: number; onListen?: () => void },
    handler: FetchHandler,
  ): DenoServer;
}

/** Listens on `host:port` with the runtime's own HTTP server: Deno.serve on Deno, node:http on Node. */
export function listen(
  fetch: FetchHandler,
  options: { host: string; port: number },
): Promise<Listening> {
  const deno = (globalThis as { Deno?: DenoLike }).Deno;
  if (deno) {
    // A streamed response (an export) counts as done when its Response is returned; shutdown() then waits for the stream.
    const drain = createDrain();
    const server = deno.serve(
      { hostname: options.host, port: options.port, onListen: () => {} },
      drain.wrap(fetch),
    );
    return Promise.resolve({
      port: server.addr.port,
      host: options.host,
      close: async () => (await drain.drain(), await server.shutdown()),
    });
  }
  return new Promise((resolve, reject) => {
    const server = nodeServe({ fetch, hostname: options.host, port: options.port }, (info) => {
      resolve({
        port: info.port,
        host: options.host,
        close: () =>
          new Promise<void>((done, fail) =>
            server.close((error) => (error ? fail(error) : done()))
          ),
      });
    });
    server.once("error", reject);
  });
}
