import type { Executor } from "../db.ts";
import type { Logger } from "../log.ts";
import { writeAudit } from "./write.ts";
import type { AuditEntry } from "./write.ts";

/** Where calls hand their audit entries; `write` resolves once the entry is stored (or its failure logged). */
export interface AuditSink {
  write(entry: AuditEntry): Promise<void>;
}

/**
 * Group commit for the audit log: entries that arrive while a write is under way
 * go together in the next single INSERT, so concurrent calls share one commit
 * instead of queueing one write transaction each. Every caller still waits for
 * its own row to be written before it answers: nothing is held only in memory.
 */
export function createAuditSink(db: Executor, log: Logger, maxBatch = 200): AuditSink {
  let queue: { entry: AuditEntry; done: () => void }[] = [];
  let flushing = false;
  async function flush(): Promise<void> {
    flushing = true;
    try {
      while (queue.length) {
        const batch = queue.slice(0, maxBatch);
        queue = queue.slice(batch.length);
        await writeAudit(db, log, ...batch.map((b) => b.entry));
        for (const b of batch) b.done();
      }
    } finally {
      flushing = false;
    }
  }
  return {
    write(entry) {
      return new Promise<void>((done) => {
        queue.push({ entry, done });
        if (!flushing) void flush();
      });
    },
  };
}
