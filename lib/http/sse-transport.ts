import { parseJSONRPCMessage } from "@modelcontextprotocol/server";
import type { JSONRPCMessage, MessageExtraInfo, Transport } from "@modelcontextprotocol/server";

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
}

const encoder = new TextEncoder();

function unref(timer: unknown): void {
  const t = timer as { unref?: () => void };
  if (typeof t?.unref === "function") t.unref();
  else (globalThis as { Deno?: { unrefTimer(id: number): void } }).Deno?.unrefTimer(timer as number);
}

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
  #controller?: ReadableStreamDefaultController<Uint8Array>;
  #timer?: ReturnType<typeof setInterval>;
  #closed = false;
  readonly #stream: ReadableStream<Uint8Array>;

  constructor(options: WebSseOptions) {
    this.sessionId = options.sessionId;
    const endpoint = `${options.endpoint}?sessionId=${encodeURIComponent(options.sessionId)}`;
    this.#stream = new ReadableStream<Uint8Array>({
      start: (controller) => {
        this.#controller = controller;
        controller.enqueue(encoder.encode(`event: endpoint\ndata: ${endpoint}\n\n`));
        this.#timer = setInterval(() => {
          this.#write(": keep-alive\n\n");
          options.onTick?.();
        }, options.keepAliveMs);
        unref(this.#timer);
      },
      // The client went away: the session ends with it.
      cancel: () => this.#finish(),
    });
  }

  /** The streaming response for the opening GET. */
  response(): Response {
    return new Response(this.#stream, {
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
    if (this.#closed) throw new Error(`SSE 会话 "${this.sessionId}" 已关闭 / SSE session "${this.sessionId}" is closed`);
    this.#write(`event: message\ndata: ${JSON.stringify(message)}\n\n`);
  }

  /** Hands one POSTed client message to the server; throws if it is not a JSON-RPC message. */
  handleMessage(body: unknown, extra?: MessageExtraInfo): void {
    let message: JSONRPCMessage;
    try {
      message = parseJSONRPCMessage(body);
    } catch (error) {
      throw new Error(`不是 JSON-RPC 消息 / not a JSON-RPC message: ${(error as Error).message}`);
    }
    this.onmessage?.(message, extra);
  }

  /** Ends the stream and reports the close once. */
  async close(): Promise<void> {
    if (this.#closed) return;
    try {
      this.#controller?.close();
    } catch {
      // Already closed or cancelled by the client.
    }
    this.#finish();
  }

  #write(text: string): void {
    if (this.#closed) return;
    try {
      this.#controller?.enqueue(encoder.encode(text));
    } catch (error) {
      this.onerror?.(error as Error);
      this.#finish();
    }
  }

  #finish(): void {
    if (this.#closed) return;
    this.#closed = true;
    clearInterval(this.#timer);
    this.onclose?.();
  }
}
