// Serves fixed HTML documents on 127.0.0.1 (port 0) so the browser loads them as a host would.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";

/** A local server for a map of path → HTML. */
export type Served = { url: (path: string) => string; close: () => Promise<void> };

/** Starts the server; unknown paths answer 404. */
export async function serveHtml(pages: Record<string, string>): Promise<Served> {
  const server = createServer((req, res) => {
    const body = pages[req.url ?? ""];
    res.writeHead(body === undefined ? 404 : 200, { "content-type": "text/html; charset=utf-8" });
    res.end(body ?? "not found");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: (path) => `http://127.0.0.1:${port}${path}`,
    close: () => {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections(); // the browser keeps connections alive; do not wait for them
      return closed;
    },
  };
}
