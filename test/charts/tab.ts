// One browser tab under test: records every request and every console error of the page and of
// any frame inside it (out-of-process frames included, via auto-attached sessions).
import { writeFileSync } from "node:fs";
import type { Browser, CdpEvent } from "./chromium.ts";

type Context = { sessionId: string; id: number };

/** A tab: what it requested, what it logged as errors, and ways to drive it. */
/** The fields of DevTools events and answers this tab reads (each message carries its own few). */
type CdpFields = {
  sessionId?: string;
  targetInfo?: { type?: string };
  request?: { url: string };
  type?: string;
  args?: { value?: unknown; description?: string }[];
  exceptionDetails?: { exception?: { description?: string }; text?: string };
  entry?: { level?: string; text?: string; url?: string };
  context?: { id: number; auxData?: { isDefault?: boolean } };
  executionContextId?: number;
  result?: { value?: unknown };
};

export type Tab = {
  requests: string[];
  errors: string[];
  navigate: (url: string) => Promise<void>;
  /** Evaluates in the frame whose location.pathname is `path` (default: the top page). */
  evaluate: <T>(expression: string, path?: string) => Promise<T>;
  /** Polls an expression in a frame until it is truthy; fails with `what` after ~15 s. */
  waitFor: (expression: string, what: string, path?: string) => Promise<void>;
  setColorScheme: (scheme: "light" | "dark") => Promise<void>;
  /** Changes the viewport width (CSS px), as a chat column resizing would. */
  resize: (width: number) => Promise<void>;
  /** Saves a PNG of the whole page at `width` CSS px; returns its bytes. */
  screenshot: (file: string) => Promise<Buffer>;
  close: () => Promise<void>;
};

const DOMAINS = ["Network.enable", "Runtime.enable", "Log.enable"];

/** Opens about:blank in a new target at the given CSS width (device scale 2, as on most laptops). */
export async function openTab(browser: Browser, width = 600): Promise<Tab> {
  const { targetId } = (await browser.send("Target.createTarget", { url: "about:blank" })) as {
    targetId: string;
  };
  const { sessionId: page } =
    (await browser.send("Target.attachToTarget", { targetId, flatten: true })) as {
      sessionId: string;
    };
  const sessions = new Set([page]);
  const contexts: Context[] = [];
  const requests: string[] = [];
  const errors: string[] = [];
  let loaded: (() => void) | undefined;

  const setUp = async (sessionId: string) => {
    for (const method of DOMAINS) await browser.send(method, {}, sessionId);
    await browser.send("Target.setAutoAttach", {
      autoAttach: true,
      waitForDebuggerOnStart: true,
      flatten: true,
    }, sessionId);
  };
  browser.onEvent(({ method, params, sessionId }: CdpEvent) => {
    if (!sessionId || !sessions.has(sessionId)) return;
    const p = params as CdpFields;
    if (method === "Target.attachedToTarget") {
      const child = p.sessionId!;
      sessions.add(child);
      // The new frame waits paused until it is told to run. Under Deno an answer to one of the
      // set-up calls has been seen never to arrive, which left the frame paused and the page's
      // load pending forever: resume after set-up or after 3 s, whichever comes first.
      const late = new Promise<void>((resolve) => setTimeout(resolve, 3000));
      Promise.race([setUp(child), late])
        .catch((e) => errors.push(`attach ${p.targetInfo?.type}: ${e}`))
        .finally(() => browser.send("Runtime.runIfWaitingForDebugger", {}, child).catch(() => {}));
    } else if (method === "Network.requestWillBeSent") {
      requests.push(p.request!.url);
    } else if (
      method === "Runtime.consoleAPICalled" && (p.type === "error" || p.type === "assert")
    ) {
      errors.push(`console.${p.type}: ${p.args!.map((a) => a.value ?? a.description).join(" ")}`);
    } else if (method === "Runtime.exceptionThrown") {
      errors.push(
        `exception: ${p.exceptionDetails!.exception?.description ?? p.exceptionDetails!.text}`,
      );
    } else if (method === "Log.entryAdded" && p.entry!.level === "error") {
      errors.push(`log: ${p.entry!.text} ${p.entry!.url ?? ""}`);
    } else if (method === "Runtime.executionContextCreated" && p.context!.auxData?.isDefault) {
      contexts.push({ sessionId, id: p.context!.id });
    } else if (method === "Runtime.executionContextDestroyed") {
      const at = contexts.findIndex((c) =>
        c.sessionId === sessionId && c.id === p.executionContextId
      );
      if (at >= 0) contexts.splice(at, 1);
    } else if (method === "Page.loadEventFired" && sessionId === page) {
      loaded?.();
    }
  });
  await setUp(page);
  await browser.send("Page.enable", {}, page);
  let currentWidth = width;
  const metrics = (height: number) =>
    browser.send("Emulation.setDeviceMetricsOverride", {
      width: currentWidth,
      height,
      deviceScaleFactor: 2,
      mobile: false,
    }, page);
  await metrics(800);

  const run = async (sessionId: string, expression: string, contextId?: number) => {
    // A frame paused or torn down mid-call never answers: give up on it instead of hanging the test.
    let timer: ReturnType<typeof setTimeout> | undefined;
    const late = new Promise<never>((
      _r,
      reject,
    ) => (timer = setTimeout(
      () => reject(new Error(`no answer to "${expression.slice(0, 40)}"`)),
      5000,
    )));
    const call = browser.send("Runtime.evaluate", {
      expression,
      contextId,
      returnByValue: true,
      awaitPromise: true,
    }, sessionId);
    const r = (await Promise.race([call, late]).finally(() => clearTimeout(timer))) as CdpFields;
    if (r.exceptionDetails) {
      throw new Error(
        `evaluate failed: ${r.exceptionDetails.exception?.description ?? r.exceptionDetails.text}`,
      );
    }
    return r.result!.value;
  };
  const evaluate = async <T>(expression: string, path?: string): Promise<T> => {
    // The page's own code decides what the expression returns: the caller names its type.
    if (!path) return (await run(page, expression)) as T;
    for (const c of [...contexts]) {
      const here = await run(c.sessionId, "location.pathname", c.id).catch(() => undefined);
      if (here === path) return (await run(c.sessionId, expression, c.id)) as T;
    }
    throw new Error(`no frame at "${path}"`);
  };
  return {
    requests,
    errors,
    navigate: async (url) => {
      const done = new Promise<void>((resolve) => (loaded = resolve));
      let timer: ReturnType<typeof setTimeout> | undefined;
      const late = new Promise<never>((
        _r,
        reject,
      ) => (timer = setTimeout(
        () =>
          reject(
            new Error(
              `"${url}" did not finish loading within 30 s; errors: ${
                errors.join(" | ") || "none"
              }`,
            ),
          ),
        30_000,
      )));
      await browser.send("Page.navigate", { url }, page);
      await Promise.race([done, late]).finally(() => clearTimeout(timer));
    },
    evaluate,
    waitFor: async (expression, what, path) => {
      for (let i = 0; i < 150; i++) {
        if (await evaluate<boolean>(expression, path).catch(() => false)) return;
        await new Promise((r) => setTimeout(r, 100));
      }
      throw new Error(`timed out waiting for ${what}; errors: ${errors.join(" | ") || "none"}`);
    },
    setColorScheme: async (scheme) => {
      await browser.send("Emulation.setEmulatedMedia", {
        features: [{ name: "prefers-color-scheme", value: scheme }],
      }, page);
    },
    resize: async (next) => {
      currentWidth = next;
      await metrics(800);
    },
    screenshot: async (file) => {
      const height = await evaluate<number>(
        "Math.ceil(document.documentElement.getBoundingClientRect().height)",
      );
      await metrics(height);
      const { data } = (await browser.send("Page.captureScreenshot", { format: "png" }, page)) as {
        data: string;
      };
      await metrics(800);
      const png = Buffer.from(data, "base64");
      writeFileSync(file, png);
      return png;
    },
    close: async () => {
      await browser.send("Target.closeTarget", { targetId });
    },
  };
}
