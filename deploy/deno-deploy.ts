// Deno Deploy entry: Deploy starts it as `deno run` would (`deno run -A deploy/deno-deploy.ts`
// locally) and waits for its HTTP server. The app's fetch handler over a remote libSQL database
// (Turso or your own sqld), read from DATABASE_URL and DATABASE_AUTH_TOKEN; a file: or :memory:
// DATABASE_URL stops it at start with a message saying why.
import process from "node:process";
import { createEdgeHandler, edgeServeOptions } from "../lib/server/edge.ts";

const handler = await createEdgeHandler(process.env);
Deno.serve(edgeServeOptions(process.env), handler.fetch);
