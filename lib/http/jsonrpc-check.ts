import { specTypeSchemas } from "@modelcontextprotocol/server";
import type { StandardSchemaV1Sync } from "@modelcontextprotocol/server";
import { HttpError, jsonRpcId } from "./errors.ts";

/** True for a JSON object: not null, not an array. */
export const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);
const validId = (id: unknown) => id === null || jsonRpcId(id) !== null;

const refuse = (code: number, message: string, id: unknown = null) =>
  new HttpError({ status: 400, code: "invalid_request", message, jsonRpc: { code, id } });

// The SDK answers a request whose params fail its schema with -32603 (internal
// error) on the 2025 era; checking them here first gives the caller -32602 naming
// the field on both eras.
const REQUEST_SCHEMAS: Readonly<Record<string, StandardSchemaV1Sync<unknown, unknown>>> = {
  initialize: specTypeSchemas.InitializeRequest,
  ping: specTypeSchemas.PingRequest,
  "tools/list": specTypeSchemas.ListToolsRequest,
  "tools/call": specTypeSchemas.CallToolRequest,
};

const pathOf = (path: readonly (PropertyKey | { readonly key: PropertyKey })[] | undefined) =>
  (path ?? []).map((p) => String(typeof p === "object" ? p.key : p)).join(".");

const isModern = (params: unknown) =>
  isObject(params) && isObject(params._meta) &&
  "io.modelcontextprotocol/protocolVersion" in params._meta;

/**
 * Checks a parsed body before the MCP SDK sees it, so malformed messages get the
 * right JSON-RPC code with a clear message: -32600 for a batch (MCP since
 * 2025-06-18 has none), an empty or non-object message, a wrong `jsonrpc`, `id` or
 * `method`; -32602 for `tools/call` params without a string `name` or with
 * non-object `arguments`, and for params of any method this server answers that
 * fail the SDK's schema. The refusal is a JSON-RPC error answered with 400; null when the message may go on.
 */
export function checkJsonRpc(body: unknown): HttpError | null {
  if (Array.isArray(body)) {
    return refuse(
      -32600,
      "不支持批量请求，请逐条发送 / batch requests are not supported (MCP 2025-06-18): send one message per request",
    );
  }
  if (!isObject(body)) {
    return refuse(
      -32600,
      "无效请求：须为 JSON-RPC 2.0 对象 / invalid request: expected a JSON-RPC 2.0 object",
    );
  }
  const id = body.id;
  if (body.jsonrpc !== "2.0") {
    return refuse(
      -32600,
      `无效请求："jsonrpc" 须为 "2.0" / invalid request: "jsonrpc" must be "2.0"`,
      id,
    );
  }
  if ("id" in body && !validId(id)) {
    return refuse(
      -32600,
      `无效请求："id" 须为字符串或数字 / invalid request: "id" must be a string or a number`,
    );
  }
  if (!("method" in body)) return null; // a response from the client; the SDK handles (and ignores) it
  if (typeof body.method !== "string" || body.method === "") {
    return refuse(
      -32600,
      `无效请求："method" 须为非空字符串 / invalid request: "method" must be a non-empty string`,
      id,
    );
  }
  if ("params" in body && !isObject(body.params) && !Array.isArray(body.params)) {
    return refuse(
      -32600,
      `无效请求："params" 须为对象 / invalid request: "params" must be an object`,
      id,
    );
  }
  if (body.method === "tools/call") {
    const params = isObject(body.params) ? body.params : {};
    if (typeof params.name !== "string" || params.name === "") {
      return refuse(
        -32602,
        `参数无效："params.name" 须为工具名字符串 / invalid params: "params.name" must be a tool name (string)`,
        id,
      );
    }
    if ("arguments" in params && params.arguments !== undefined && !isObject(params.arguments)) {
      return refuse(
        -32602,
        `参数无效："params.arguments" 须为对象 / invalid params: "params.arguments" must be an object`,
        id,
      );
    }
  }
  // A 2026-07-28 request (a `_meta` envelope) is validated by the SDK's own ladder, which answers removed
  // methods such as `initialize` with 404/-32601; the 2025 schemas must not turn that into -32602.
  if (isModern(body.params)) return null;
  const schema = REQUEST_SCHEMAS[body.method];
  const checked = schema?.["~standard"].validate({ method: body.method, params: body.params });
  if (checked?.issues) {
    const issues = checked.issues.map((i) => `"${pathOf(i.path)}": ${i.message}`).join("; ");
    return refuse(-32602, `参数无效 / invalid params for "${body.method}": ${issues}`, id);
  }
  return null;
}
