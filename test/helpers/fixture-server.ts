/**
 * A test server without demo data, holding only the wells and daily reports a test writes out.
 * @module
 */
import type { AppDeps } from "../../lib/app.ts";
import { insertFixture } from "./fixture.ts";
import { startTestServer } from "./server.ts";
import type { TestServer } from "./server.ts";

/** Starts a test server with SEED_DEMO_DATA=0 and inserts `wells` and `daily` (see insertFixture). */
export async function startFixtureServer(
  wells: Record<string, string | number | null>[],
  daily: Record<string, string | number | null>[],
  extra: Partial<AppDeps> = {},
): Promise<TestServer> {
  const server = await startTestServer({ SEED_DEMO_DATA: "0" }, extra);
  try {
    await insertFixture(server.db, wells, daily);
  } catch (error) {
    await server.close();
    throw error;
  }
  return server;
}
