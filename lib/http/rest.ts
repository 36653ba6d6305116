import type { CallOutcome } from "../call/call.ts";

/** HTTP status of each call outcome on the REST endpoint. */
export const REST_STATUS: Readonly<
  Record<CallOutcome["outcome"], 200 | 400 | 403 | 404 | 409 | 413 | 500>
> = {
  ok: 200,
  invalid: 400,
  denied: 403,
  unknown_tool: 404,
  not_found: 404,
  conflict: 409,
  too_large: 413,
  error: 500,
};

/** The REST body of a call outcome: the structured result and its text, or the error and its message. */
export function restBody(tool: string, outcome: CallOutcome): Record<string, unknown> {
  if (outcome.outcome === "ok") {
    const { structured, text, extra } = outcome.answer;
    return {
      success: true,
      tool,
      result: structured,
      text,
      ...(extra?.length ? { content: extra } : {}),
    };
  }
  return { success: false, tool, error: outcome.outcome, message: outcome.message };
}

/** Whether a parsed body is JSON-RPC (an MCP message or batch) rather than the REST `{name, arguments}`. */
export function isJsonRpc(body: unknown): boolean {
  if (Array.isArray(body)) return true;
  return typeof body === "object" && body !== null && "jsonrpc" in body;
}
