import { clearInterval, setInterval } from "node:timers";
import { parseJSONRPCMessage } from "@modelcontextprotocol/server";
import type { JSONRPCMessage, MessageExtraInfo, Transport } from "@modelcontextprotocol/server";
import { createSseOutbox } from "./sse-outbox.ts";
import type { SseOutbox, SseOutboxLimits } from "./sse-outbox.ts";

/** Options of {@link WebSseServerTransport}. */
export interface WebSseOptions {
  /** The session id, also the `sessionId` query parameter of the announced endpoint. */
  readonly sessionId: string;
  /** Path the client POSTs its messages to, e.g. `/messages`; `?sessionId=…` is appended. */
  readonly endpoint: string;
  /** Interval of `: keep-alive` comment frames, ms (proxies and clients drop silent streams). */
  readonly keepAliveMs: number;
  /** Called on every keep-alive tick; the session store uses it to close idle sessions. */
  readonly onTick?: () => void;
  /** What may wait for a client that does not read; past it the session is dropped (default 4 MiB, 100 events). */
  readonly limits?: SseOutboxLimits;
}

const DEFAULT_LIMITS: SseOutboxLimits = { maxBytes: 4 * 1024 * 1024, maxMessages: 100 };

/**
 * The legacy MCP HTTP+SSE server transport in web-standard form, so it runs on
 * Deno and Node alike (the SDK's SSEServerTransport needs Node's ServerResponse).
 * {@link response} is the GET answer: an event stream that first announces the
 * POST endpoint, then carries every server message; POSTed client messages enter
 * through {@link handleMessage}.
 */
export class WebSseServerTransport implements Transport {
  readonly sessionId: string;
  onclose?: () => void;
  onerror?: (error: Error) => void;
  onmessage?: <T extends JSONRPCMessage>(message: T, extra?: MessageExtraInfo) => void;
  #timer?: ReturnType<typeof setInterval>;
  #closed = false;
  #dropped: string | null = null;
  readonly #outbox: SseOutbox;
  readonly #limits: SseOutboxLimits;
  readonly #graceMs: number;
  // Requests handed to the server whose answers are not yet queued: they count against the outbox.
  readonly #pending = new Set<string | number>();

  constructor(options: WebSseOptions) {
    this.sessionId = options.sessionId;
    this.#limits = options.limits ?? DEFAULT_LIMITS;
    this.#graceMs = options.keepAliveMs;
    const endpoint = `${options.endpoint}?sessionId=${encodeURIComponent(options.sessionId)}`;
    // The client went away: the session ends with it.
    this.#outbox = createSseOutbox(this.#limits, () => this.#finish());
    this.#outbox.push(`event: endpoint\ndata: ${endpoint}\n\n`);
    this.#timer = setInterval(() => {
      // A stream with events waiting needs no keep-alive, and one must not grow a full outbox.
      if (this.#outbox.messages === 0) this.#write(": keep-alive\n\n");
      options.onTick?.();
    }, options.keepAliveMs);
    this.#timer.unref();
  }

  /**
   * Why a new message must wait, or null: the client is not reading its stream, so the
   * answers already owed would overflow its outbox (bilingual, naming the limit).
   */
  get backlog(): string | null {
    const { maxBytes, maxMessages } = this.#limits;
    const owed = this.#outbox.messages + this.#pending.size;
    if (!this.#outbox.full && owed < maxMessages) return null;
    return `SSE 会话 "${this.sessionId}" 的客户端未读取事件流：已积压 ${owed} 条消息、${this.#outbox.bytes} 字节（上限 ${maxMessages} 条 / ${maxBytes} 字节），请先读取 GET 流 / ` +
      `the client of SSE session "${this.sessionId}" is not reading its event stream: ${owed} messages, ${this.#outbox.bytes} bytes owed ` +
      `(limit ${maxMessages} messages / ${maxBytes} bytes, SSE_MAX_QUEUED_MESSAGES / SSE_MAX_QUEUED_BYTES); read the GET stream, then retry`;
  }

  /** Why the session was dropped (its client stopped reading), or null. */
  get droppedFor(): string | null {
    return this.#dropped;
  }

  /** The streaming response for the opening GET. */
  response(): Response {
    return new Response(this.#outbox.stream, {
      headers: {
        "content-type": "text/event-stream; charset=utf-8",
        "cache-control": "no-cache, no-transform",
        // Keeps nginx from buffering the stream.
        "x-accel-buffering": "no",
      },
    });
  }

  /** Whether the stream has ended. */
  get closed(): boolean {
    return this.#closed;
  }

  /** Nothing to do: the stream starts when {@link response} is returned. */
  async start(): Promise<void> {}

  /** Sends one server message as an SSE `message` event. */
  async send(message: JSONRPCMessage): Promise<void> {
    if (this.#closed) {
      throw new Error(
        `SSE 会话 "${this.sessionId}" 已关闭 / SSE session "${this.sessionId}" is closed`,
      );
    }
    if (("result" in message || "error" in message) && message.id !== undefined) {
      this.#pending.delete(message.id);
    }
    this.#write(`event: message\ndata: ${JSON.stringify(message)}\n\n`);
  }

  /** Hands one POSTed client message to the server; throws if it is not a JSON-RPC message. */
  handleMessage(body: unknown, extra?: MessageExtraInfo): void {
    let m: JSONRPCMessage;
    try {
      m = parseJSONRPCMessage(body);
    } catch (error) {
      throw new Error(`不是 JSON-RPC 消息 / not a JSON-RPC message: ${(error as Error).message}`);
    }
    if ("method" in m && "id" in m) this.#pending.add(m.id);
    // A cancelled request gets no answer (MCP): it is owed no more.
    if ("method" in m && m.method === "notifications/cancelled") {
      this.#pending.delete(
        (m.params as { requestId?: string | number } | undefined)?.requestId ?? "",
      );
    }
    this.onmessage?.(m, extra);
  }

  /** Ends the stream and reports the close once. */
  async close(): Promise<void> {
    if (this.#closed) return;
    // What a client that stopped reading never takes is dropped soon after the session.
    this.#outbox.close(this.#graceMs);
    this.#finish();
  }

  #write(text: string): void {
    if (this.#closed) return;
    if (this.#outbox.push(text)) return;
    // The client stopped reading: drop the session and everything queued for it.
    const error = new Error(
      `SSE 会话 "${this.sessionId}" 的客户端未读取事件流，已超出积压上限（${this.#limits.maxMessages} 条 / ${this.#limits.maxBytes} 字节），会话已关闭，请用 GET 重新连接并读取事件流 / ` +
        `the client of SSE session "${this.sessionId}" stopped reading: it is not reading its event stream, and its backlog passed ${this.#limits.maxMessages} messages / ` +
        `${this.#limits.maxBytes} bytes (SSE_MAX_QUEUED_MESSAGES / SSE_MAX_QUEUED_BYTES), so the session was closed; open a new one with GET and read it`,
    );
    this.#dropped = error.message;
    this.#outbox.abort(error);
    this.onerror?.(error);
    this.#finish();
  }

  #finish(): void {
    if (this.#closed) return;
    this.#closed = true;
    clearInterval(this.#timer);
    this.onclose?.();
  }
}
