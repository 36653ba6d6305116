// Deno Deploy entry (also `deno serve -A deploy/deno-deploy.ts`): the app's fetch handler over a
// remote libSQL database (Turso or your own sqld), read from DATABASE_URL and DATABASE_AUTH_TOKEN.
// A file: or :memory: DATABASE_URL stops it at start with a message saying why.
import process from "node:process";
import { createEdgeHandler } from "../lib/edge.ts";

const handler = await createEdgeHandler(process.env);

// Deno Deploy and `deno serve` require a default export: the one exception to named exports.
export default handler;
