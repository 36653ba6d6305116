import type { Logger } from "../observability/log.ts";

/** How long in-flight calls get to finish after SIGTERM/SIGINT before the process exits anyway (ms). */
export const SHUTDOWN_GRACE_MS = 25_000;

/** What {@link installShutdown} needs: the server's close and the process's hooks (injected for tests). */
export interface ShutdownOptions {
  /** Stops accepting, waits for in-flight requests, closes the database. */
  readonly close: () => Promise<void>;
  readonly log: Logger;
  readonly exit: (code: number) => void;
  /** Registers a signal handler (process.on). */
  readonly on: (signal: "SIGTERM" | "SIGINT", handler: () => void) => void;
  readonly graceMs?: number;
}

/**
 * On the first SIGTERM or SIGINT: close gracefully and exit 0; exit 1 if closing
 * fails or takes longer than the grace period. A second signal exits 1 at once.
 */
export function installShutdown(options: ShutdownOptions): void {
  const grace = options.graceMs ?? SHUTDOWN_GRACE_MS;
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) {
      options.log.warn("second signal: exiting without waiting", { signal });
      options.exit(1);
      return;
    }
    stopping = true;
    options.log.info("shutting down", { signal, grace_ms: grace });
    let timer: ReturnType<typeof setTimeout> | undefined;
    const late = new Promise<"late">((
      resolve,
    ) => (timer = setTimeout(() => resolve("late"), grace)));
    void Promise.race([options.close().then(() => "closed" as const), late]).then(
      (how) => {
        clearTimeout(timer);
        if (how === "late") {
          options.log.error("in-flight requests did not finish within the grace period; exiting", {
            grace_ms: grace,
          });
        } else options.log.info("stopped", { signal });
        options.exit(how === "closed" ? 0 : 1);
      },
      (error) => {
        clearTimeout(timer);
        options.log.error("shutdown failed", { error: (error as Error)?.message });
        options.exit(1);
      },
    );
  };
  options.on("SIGTERM", () => stop("SIGTERM"));
  options.on("SIGINT", () => stop("SIGINT"));
}
