import { type IncomingHttpHeaders, type IncomingMessage, request as httpRequest } from "node:http";
import { request as httpsRequest } from "node:https";

/** Options for `send` and `openEventStream`. */
export interface RequestOptions {
  method?: string;
  headers?: Record<string, string>;
  body?: string;
  /** PEM of a certificate to trust (a test nginx's self-signed one). */
  ca?: string;
  /** Source address of the connection, e.g. `127.0.0.2` to come from another loopback address. */
  localAddress?: string;
  /** Gives up when the response headers have not come within this many ms (default 5000). */
  timeoutMs?: number;
}

/** A finished response. */
export interface HttpResult {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

/** One server-sent event. */
export interface SseEvent {
  event: string;
  data: string;
}

/** An open `text/event-stream` response, read one event at a time. */
export interface EventStream {
  status: number;
  headers: IncomingHttpHeaders;
  /** The next event; rejects when none arrives within `timeoutMs` or the stream ends. */
  next(timeoutMs?: number): Promise<SseEvent>;
  close(): void;
}

function open(url: string, options: RequestOptions): Promise<IncomingMessage> {
  const target = new URL(url);
  const request = target.protocol === "https:" ? httpsRequest : httpRequest;
  const timeoutMs = options.timeoutMs ?? 5000;
  return new Promise((resolve, reject) => {
    const req = request(target, {
      method: options.method ?? "GET",
      headers: options.headers,
      ca: options.ca,
      localAddress: options.localAddress,
      agent: false,
    }, (res) => {
      clearTimeout(timer);
      resolve(res);
    });
    const timer = setTimeout(() => {
      req.destroy(new Error(`no response from ${url} within ${timeoutMs} ms`));
    }, timeoutMs);
    req.once("error", (error) => {
      clearTimeout(timer);
      reject(error);
    });
    req.end(options.body);
  });
}

/** Sends one request through node:http(s) and reads the whole answer. */
export async function send(url: string, options: RequestOptions = {}): Promise<HttpResult> {
  const res = await open(url, options);
  res.setEncoding("utf8");
  let body = "";
  for await (const chunk of res) body += chunk;
  return { status: res.statusCode ?? 0, headers: res.headers, body };
}

function parseEvent(block: string): SseEvent | null {
  let event = "message";
  const data: string[] = [];
  for (const line of block.split(/\r?\n/)) {
    if (line.startsWith(":")) continue;
    const colon = line.indexOf(":");
    const field = colon < 0 ? line : line.slice(0, colon);
    const value = colon < 0 ? "" : line.slice(colon + 1).replace(/^ /, "");
    if (field === "event") event = value;
    if (field === "data") data.push(value);
  }
  return data.length === 0 && event === "message" ? null : { event, data: data.join("\n") };
}

/** Opens a GET event stream; events are parsed as they arrive, byte by byte as nginx passes them. */
export async function openEventStream(
  url: string,
  options: RequestOptions = {},
): Promise<EventStream> {
  const res = await open(url, {
    ...options,
    headers: { Accept: "text/event-stream", ...options.headers },
  });
  res.setEncoding("utf8");
  const queue: SseEvent[] = [];
  const waiters: ((e: SseEvent | Error) => void)[] = [];
  let buffer = "";
  let ended: Error | null = null;
  const deliver = (item: SseEvent | Error) => {
    const waiter = waiters.shift();
    if (waiter) waiter(item);
    else if (!(item instanceof Error)) queue.push(item);
  };
  res.on("data", (chunk: string) => {
    buffer += chunk;
    let cut: RegExpExecArray | null;
    while ((cut = /\r?\n\r?\n/.exec(buffer))) {
      const event = parseEvent(buffer.slice(0, cut.index));
      buffer = buffer.slice(cut.index + cut[0].length);
      if (event) deliver(event);
    }
  });
  const finish = () => {
    ended ??= new Error(`event stream ${url} ended`);
    while (waiters.length > 0) deliver(ended);
  };
  res.on("end", finish);
  res.on("error", finish);
  res.on("close", finish);
  return {
    status: res.statusCode ?? 0,
    headers: res.headers,
    next(timeoutMs = 5000) {
      const queued = queue.shift();
      if (queued) return Promise.resolve(queued);
      if (ended) return Promise.reject(ended);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          waiters.splice(waiters.indexOf(settle), 1);
          reject(new Error(`no event from ${url} within ${timeoutMs} ms`));
        }, timeoutMs);
        const settle = (item: SseEvent | Error) => {
          clearTimeout(timer);
          if (item instanceof Error) reject(item);
          else resolve(item);
        };
        waiters.push(settle);
      });
    },
    close: () => res.destroy(),
  };
}
