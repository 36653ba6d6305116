/**
 * Every HTTP error body of the server is built here, one builder per protocol surface:
 * - HTTP (REST, downloads, the catalogue, and every refusal before a body is read: host, token,
 *   identity, content type, size): `{"success": false, "error": "<code>", "message": "中文 / English"}`;
 * - JSON-RPC (a message for an MCP server: POST /mcp, a JSON-RPC body on /mcp/call-tool, a legacy
 *   SSE message): `{"jsonrpc": "2.0", "id": <the message's id or null>, "error": {"code", "message"}}`,
 *   which MCP clients read.
 * @module
 */
import type { ErrorHandler } from "hono";
import { HTTPException } from "hono/http-exception";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { Logger } from "../observability/log.ts";

/** The HTTP error body. */
export interface HttpErrorBody {
  readonly success: false;
  readonly error: string;
  readonly message: string;
}

/** The JSON-RPC error body. */
export interface JsonRpcErrorBody {
  readonly jsonrpc: "2.0";
  readonly id: string | number | null;
  readonly error: { readonly code: number; readonly message: string };
}

const JSON_TYPE = { "content-type": "application/json; charset=utf-8" } as const;

/** A JSON-RPC id as the answer may carry it: a string, a finite number, else null. */
export function jsonRpcId(id: unknown): string | number | null {
  return typeof id === "string" || (typeof id === "number" && Number.isFinite(id)) ? id : null;
}

/** The HTTP error body of `code` (e.g. `unauthorized`) and its bilingual message. */
export function httpErrorBody(code: string, message: string): HttpErrorBody {
  return { success: false, error: code, message };
}

/** The JSON-RPC error body of `code` (e.g. -32600), for the message whose id was `id`. */
export function jsonRpcErrorBody(
  code: number,
  message: string,
  id: unknown = null,
): JsonRpcErrorBody {
  return { jsonrpc: "2.0", id: jsonRpcId(id), error: { code, message } };
}

/** An HTTP error response. */
export function httpErrorResponse(
  status: number,
  code: string,
  message: string,
  headers: Record<string, string> = {},
): Response {
  return new Response(JSON.stringify(httpErrorBody(code, message)), {
    status,
    headers: { ...JSON_TYPE, ...headers },
  });
}

/** A JSON-RPC error response. */
export function jsonRpcErrorResponse(
  status: number,
  code: number,
  message: string,
  id: unknown = null,
  headers: Record<string, string> = {},
): Response {
  return new Response(JSON.stringify(jsonRpcErrorBody(code, message, id)), {
    status,
    headers: { ...JSON_TYPE, ...headers },
  });
}

/** What a thrown {@link HttpError} is answered with. */
export interface HttpErrorInit {
  readonly status: ContentfulStatusCode;
  /** The HTTP surface's `error` code. */
  readonly code: string;
  readonly message: string;
  readonly headers?: Record<string, string>;
  /** Set when the request was a JSON-RPC message: answered as a JSON-RPC error with this code and id. */
  readonly jsonRpc?: { readonly code: number; readonly id?: unknown };
}

/**
 * A refusal a middleware or handler throws, as hono's own middleware throw `HTTPException`: it
 * carries its response, built here in its surface's shape, so hono answers it even in an app
 * without this project's `onError` (as the middleware tests build them).
 */
export class HttpError extends HTTPException {
  override name = "HttpError";
  constructor(init: HttpErrorInit) {
    const { status, code, message, headers, jsonRpc } = init;
    const res = jsonRpc
      ? jsonRpcErrorResponse(status, jsonRpc.code, message, jsonRpc.id, headers)
      : httpErrorResponse(status, code, message, headers);
    super(status, { message, res });
  }
}

/**
 * The app's one `onError`: a thrown {@link HttpError} is answered with its response, another
 * `HTTPException` (hono's own) in the HTTP shape with its status; anything else is a fault, logged
 * with its stack and answered 500 (a JSON-RPC -32603 error on POST /mcp, where only MCP clients call).
 */
export function errorHandler(log: Logger): ErrorHandler {
  return function onError(error, c) {
    return closingIfBodyUnread(c.req.raw, answerError(error, c.req.method, c.req.path, log));
  };
}

function answerError(error: Error, method: string, path: string, log: Logger): Response {
  if (error instanceof HttpError) return error.getResponse();
  if (error instanceof HTTPException) {
    return httpErrorResponse(error.status, "http_error", error.message);
  }
  log.error("request failed", { path, error: error.message, stack: error.stack });
  const message = `服务器内部错误 / internal server error: ${error.message}`;
  return method === "POST" && path === "/mcp"
    ? jsonRpcErrorResponse(500, -32603, message)
    : httpErrorResponse(500, "internal", message);
}

/**
 * A refusal sent before the request's body was read says `Connection: close`: the server then
 * discards the rest of the body and may cut the connection, so a client must not send its next
 * request on it (one that did got ECONNRESET on a busy server).
 */
function closingIfBodyUnread(request: Request, response: Response): Response {
  if (request.body === null || request.bodyUsed) return response;
  const closing = new Response(response.body, response);
  closing.headers.set("connection", "close");
  return closing;
}
