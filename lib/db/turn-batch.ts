/**
 * Messages between the serving thread and a database thread, batched per event-loop turn.
 *
 * @module
 */
import { setImmediate } from "node:timers";

/**
 * Collects the messages sent in one turn of the event loop and posts them as one (a lone message
 * as itself): under load many callers' statements, or a thread's many answers, cost one wake-up
 * and one clone instead of one each.
 */
export function turnBatcher<T>(post: (message: T | T[]) => void): (message: T) => void {
  let outbox: T[] = [];
  const flush = () => {
    const batch = outbox;
    outbox = [];
    post(batch.length === 1 ? batch[0] : batch);
  };
  return function send(message: T): void {
    if (outbox.push(message) === 1) setImmediate(flush);
  };
}
