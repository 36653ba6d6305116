// Starts Debian's chromium headless with a fresh profile and connects to it over the DevTools
// protocol (chrome-remote-interface, browser-level socket, flattened sessions).
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import CDP from "chrome-remote-interface";

/** A CDP event with the session it came from. */
export type CdpEvent = { method: string; params: Record<string, unknown>; sessionId?: string };

/** A running headless chromium and a DevTools connection to it. */
export type Browser = {
  send: (
    method: string,
    params?: Record<string, unknown>,
    sessionId?: string,
  ) => Promise<Record<string, unknown>>;
  onEvent: (listener: (event: CdpEvent) => void) => void;
  close: () => Promise<void>;
};

const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

/** Path of the chromium binary; fails the test (never skips) with the install command when missing. */
export function chromiumPath(): string {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `找不到 chromium "${CHROMIUM}" / chromium not found at "${CHROMIUM}": install it with apt-get install -y chromium (or set CHROMIUM_PATH)`,
    );
  }
  return CHROMIUM;
}

function waitForDevtoolsUrl(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let seen = "";
    child.stderr?.setEncoding("utf8");
    child.stderr?.on("data", (chunk: string) => {
      seen += chunk;
      const match = seen.match(/DevTools listening on (ws:\/\/\S+)/);
      if (match) resolve(match[1]);
    });
    child.once(
      "exit",
      (code) =>
        reject(
          new Error(
            `chromium exited with code "${code}" before DevTools was up:\n${seen.slice(-2000)}`,
          ),
        ),
    );
    child.once("error", reject);
  });
}

/** Launches headless chromium (no network features, fresh --user-data-dir under os.tmpdir()). */
export async function launchBrowser(): Promise<Browser> {
  const profile = mkdtempSync(join(tmpdir(), "charts-chromium-"));
  const child = spawn(chromiumPath(), [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-default-apps",
    "--hide-scrollbars",
    "--mute-audio",
    "--disable-dev-shm-usage",
    `--user-data-dir=${profile}`,
    "--remote-debugging-address=127.0.0.1",
    "--remote-debugging-port=0",
    // Sandboxed chart frames stay in the page's process (their sandbox and opaque origin still
    // apply): an out-of-process frame must be resumed over its own DevTools session, and under
    // Deno that session's answers were seen to go missing, leaving the frame blank.
    "--disable-site-isolation-trials",
    "--disable-features=IsolateOrigins,site-per-process",
    "about:blank",
  ], { stdio: ["ignore", "ignore", "pipe"] });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  try {
    const url = await waitForDevtoolsUrl(child);
    const client = await CDP({ target: url, local: true });
    return {
      send: (method, params = {}, sessionId) => client.send(method, params, sessionId),
      onEvent: (listener) => client.on("event", listener),
      close: async () => {
        // Browser.close exits at once; SIGTERM alone leaves headless chromium lingering for minutes.
        await client.send("Browser.close").catch(() => {});
        await client.close().catch(() => {});
        const stuck = setTimeout(() => child.kill("SIGKILL"), 5000);
        await exited;
        clearTimeout(stuck);
        rmSync(profile, { recursive: true, force: true });
      },
    };
  } catch (error) {
    child.kill("SIGKILL");
    await exited;
    rmSync(profile, { recursive: true, force: true });
    throw error;
  }
}
