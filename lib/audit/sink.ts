/**
 * Audit: one row per call and per refused identity, queued and bounded, written by the database
 * writer, retried, drained at shutdown.
 *
 * @module
 */
import { setImmediate } from "node:timers";
import type { Executor } from "../db/db.ts";
import type { Logger } from "../observability/log.ts";
import { insertAudit, logFailure } from "./write.ts";
import type { AuditEntry } from "./write.ts";

/** Where calls hand their audit entries. */
export interface AuditSink {
  /** Queues `entry`; resolves once it is stored, or once `waitMs` passed with it still queued (see AuditSinkOptions). Never rejects. */
  write(entry: AuditEntry): Promise<void>;
  /** Resolves once every queued entry is stored or, after its last try, logged as failed (shutdown). */
  drain(): Promise<void>;
}

/** Options of createAuditSink. */
export interface AuditSinkOptions {
  /** Most rows in one INSERT. */
  readonly maxBatch?: number;
  /**
   * How long a write waits for its row before resolving with the row still queued (it is
   * written later, in order). Infinity: every write waits for its row. A commit normally takes
   * a millisecond, so rows are stored before the answer; a lock held by another program no
   * longer holds the answer up.
   */
  readonly waitMs?: number;
  /** Most entries queued; beyond it a write waits for its own row whatever waitMs says, so memory stays bounded. */
  readonly maxQueued?: number;
  /** Tries per batch before its entries are logged as failed, and the pause after the first failed try (doubling). */
  readonly attempts?: number;
  readonly retryMs?: number;
}

interface Queued {
  readonly entry: AuditEntry;
  readonly done: () => void;
}

const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Group commit for the audit log: entries of one event-loop turn, and those that arrive while a
 * write is under way, go together in the next single INSERT, so concurrent calls share one commit. A failed INSERT (the file locked
 * by another program past its busy timeout, a full disk) is tried again, `attempts` times with a
 * growing pause, each failure logged; after the last its entries are each logged as failed:
 * one row per call, none lost without a log line. See AuditSinkOptions for when a write resolves.
 */
export function createAuditSink(
  db: Executor,
  log: Logger,
  options: AuditSinkOptions = {},
): AuditSink {
  const maxBatch = options.maxBatch ?? 200;
  const waitMs = options.waitMs ?? Infinity;
  const maxQueued = options.maxQueued ?? 10_000;
  const attempts = Math.max(1, options.attempts ?? 5);
  const retryMs = options.retryMs ?? 200;
  let queue: Queued[] = [];
  let flushing: Promise<void> | null = null;

  async function store(batch: readonly Queued[]): Promise<void> {
    for (let attempt = 1;; attempt++) {
      try {
        await insertAudit(db, batch.map((b) => b.entry));
        return;
      } catch (error) {
        if (attempt >= attempts) return logFailure(log, error, batch.map((b) => b.entry));
        log.warn("audit write failed, retrying", {
          error: (error as Error)?.message,
          rows: batch.length,
          attempt,
          of: attempts,
        });
        await pause(retryMs * 2 ** (attempt - 1));
      }
    }
  }

  async function flush(): Promise<void> {
    try {
      // Rows of calls answered in the same event-loop turn go in one INSERT: under load one commit
      // per turn, not one for the first call and another for all that came while it was written.
      await nextTurn();
      while (queue.length) {
        const batch = queue.slice(0, maxBatch);
        queue = queue.slice(batch.length);
        await store(batch);
        for (const b of batch) b.done();
      }
    } finally {
      flushing = null;
    }
  }

  return {
    write(entry) {
      const stored = new Promise<void>((done) => queue.push({ entry, done }));
      flushing ??= flush();
      if (waitMs === Infinity || queue.length > maxQueued) return stored;
      let timer: ReturnType<typeof setTimeout> | undefined;
      return Promise.race([
        stored,
        new Promise<void>((resolve) => (timer = setTimeout(resolve, waitMs))),
      ]).finally(() => clearTimeout(timer));
    },
    async drain() {
      while (flushing) await flushing;
    },
  };
}
