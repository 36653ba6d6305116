import type { MiddlewareHandler } from "hono";
import { isJsonContentType, notJsonMessage } from "./content-type.ts";
import { HttpError } from "./errors.ts";

/** A JSON body, or why it could not be read. */
export type JsonBody =
  | { readonly ok: true; readonly value: unknown }
  | { readonly ok: false; readonly status: 400 | 413 | 415; readonly message: string };

/**
 * Reads a request body as JSON with a size bound: a Content-Length over the bound
 * is refused before reading, and a body without one is counted as it arrives.
 */
export async function readJsonBody(request: Request, maxBytes: number): Promise<JsonBody> {
  const declared = Number(request.headers.get("content-length") ?? "0");
  const tooLarge = {
    ok: false as const,
    status: 413 as const,
    message:
      `请求体超过上限 ${maxBytes} 字节 / request body exceeds the limit of ${maxBytes} bytes: send less data or raise MAX_BODY_BYTES`,
  };
  if (declared > maxBytes) return tooLarge;
  let bytes: Uint8Array | null;
  try {
    bytes = declared > 0
      ? new Uint8Array(await request.arrayBuffer())
      : await readCounted(request, maxBytes);
  } catch (e) {
    // The client went away mid-body (or the server is shutting down): nothing to parse.
    return {
      ok: false,
      status: 400,
      message: `请求体读取中断 / the request body could not be read: ${(e as Error)?.message ?? e}`,
    };
  }
  if (bytes === null || bytes.byteLength > maxBytes) return tooLarge;
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return {
      ok: false,
      status: 400,
      message: "请求体不是 UTF-8 文本 / request body is not UTF-8 text",
    };
  }
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (e) {
    return {
      ok: false,
      status: 400,
      message: `请求体不是合法 JSON / request body is not valid JSON: ${(e as Error).message}`,
    };
  }
}

// Without a Content-Length (chunked) the stream is counted as it arrives; with one,
// the HTTP server never delivers more, and reading it whole skips the web stream
// (on @hono/node-server, arrayBuffer() reads the socket directly).
async function readCounted(request: Request, maxBytes: number): Promise<Uint8Array | null> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  if (request.body) {
    const reader = request.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > maxBytes) {
        await reader.cancel().catch(() => {});
        return null;
      }
      chunks.push(value);
    }
  }
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) (bytes.set(c, at), (at += c.byteLength));
  return bytes;
}

/** What {@link jsonBody} puts on the context: the parsed request body, read by `c.var.jsonBody`. */
export type JsonBodyVariables = {
  jsonBody: unknown;
};

declare module "hono" {
  interface ContextVariableMap extends JsonBodyVariables {}
}

/**
 * Body middleware of the JSON POST routes: refuses a body not declared `application/json` (415),
 * one over `maxBytes` (413) and one that is not JSON (400, a JSON-RPC -32700 parse error on every
 * route: which protocol a body speaks is known only once it parses), then sets the parsed body on the
 * context as `jsonBody`.
 */
export const jsonBody = ({ maxBytes }: { readonly maxBytes: number }): MiddlewareHandler => {
  return async function jsonBody(c, next) {
    const contentType = c.req.header("content-type");
    if (!isJsonContentType(contentType)) {
      throw new HttpError({
        status: 415,
        code: "unsupported_media_type",
        message: notJsonMessage(contentType),
      });
    }
    const body = await readJsonBody(c.req.raw, maxBytes);
    if (!body.ok && body.status === 413) {
      throw new HttpError({ status: 413, code: "payload_too_large", message: body.message });
    }
    if (!body.ok) {
      throw new HttpError({
        status: 400,
        code: "parse_error",
        message: `解析错误 / parse error: ${body.message}`,
        jsonRpc: { code: -32700 },
      });
    }
    c.set("jsonBody", body.value);
    await next();
  };
};
