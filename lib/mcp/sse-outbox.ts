import { setTimeout } from "node:timers";

/** Limits of one session's outbox. */
export interface SseOutboxLimits {
  /** Most bytes waiting for the client to read. */
  readonly maxBytes: number;
  /** Most events waiting for the client to read. */
  readonly maxMessages: number;
}

/** The bytes of one SSE stream not yet taken by the client, bounded. */
export interface SseOutbox {
  /** The response body: chunks leave the outbox only as fast as the client reads them. */
  readonly stream: ReadableStream<Uint8Array>;
  /** Bytes waiting. */
  readonly bytes: number;
  /** Events waiting. */
  readonly messages: number;
  /** Whether the outbox is at one of its limits (a new event would overflow it). */
  readonly full: boolean;
  /** Queues one event; false (nothing queued) when the outbox is full or ended. */
  push(text: string): boolean;
  /** Ends the stream after what is queued has been read; drops it if the client has not read it within `graceMs`. */
  close(graceMs: number): void;
  /** Ends the stream now, dropping whatever is queued. */
  abort(reason: Error): void;
}

const encoder = new TextEncoder();

/**
 * A pull-driven outbox for a server-sent event stream: nothing is handed to the
 * HTTP layer before the client has read what came before (the stream's
 * high-water mark is 0), so a client that stops reading fills this outbox, not
 * the server's memory. `onCancel` runs when the client goes away.
 */
export function createSseOutbox(limits: SseOutboxLimits, onCancel: () => void): SseOutbox {
  const queue: Uint8Array[] = [];
  let bytes = 0;
  let ended = false;
  let wake: (() => void) | undefined;
  let controller: ReadableStreamDefaultController<Uint8Array> | undefined;
  const drop = () => {
    queue.length = 0;
    bytes = 0;
  };
  const stream = new ReadableStream<Uint8Array>({
    start(c) {
      controller = c;
    },
    async pull(c) {
      while (queue.length === 0 && !ended) await new Promise<void>((resolve) => (wake = resolve));
      wake = undefined;
      const next = queue.shift();
      if (next) {
        bytes -= next.byteLength;
        c.enqueue(next);
      } else {
        try {
          c.close();
        } catch {
          // Aborted meanwhile: the stream has already failed.
        }
      }
    },
    cancel() {
      ended = true;
      drop();
      wake?.();
      onCancel();
    },
  }, { highWaterMark: 0 });
  const isFull = () => bytes >= limits.maxBytes || queue.length >= limits.maxMessages;
  return {
    stream,
    get bytes() {
      return bytes;
    },
    get messages() {
      return queue.length;
    },
    get full() {
      return isFull();
    },
    push(text) {
      if (ended || isFull()) return false;
      const chunk = encoder.encode(text);
      queue.push(chunk);
      bytes += chunk.byteLength;
      wake?.();
      return true;
    },
    close(graceMs) {
      ended = true;
      wake?.();
      if (queue.length === 0) return;
      // Must not keep a stopping process alive.
      setTimeout(
        () => queue.length && this.abort(new Error("SSE 会话已关闭 / SSE session closed")),
        graceMs,
      ).unref();
    },
    abort(reason) {
      ended = true;
      drop();
      try {
        controller?.error(reason);
      } catch {
        // Already closed.
      }
      wake?.();
    },
  };
}
