import type { Config } from "../config.ts";
import type { User } from "../identity.ts";
import type { Logger } from "../log.ts";
import { createRateLimiter, rateKey, rateLimitedMessage } from "./rate-limit.ts";

/** Checks one tool call (or download) against the per-user limit: null to go on, or the 429 response. */
export type RateGate = (user: User, jsonRpcId?: unknown) => Response | null;

/** The gate of one app instance; lets everything through when RATE_LIMIT_PER_MINUTE is 0. */
export function createRateGate(config: Pick<Config, "rateLimitPerMinute">, log: Logger): RateGate {
  const perMinute = config.rateLimitPerMinute;
  if (!perMinute) return () => null;
  const limiter = createRateLimiter(perMinute);
  return (user, jsonRpcId) => {
    const decision = limiter.take(rateKey(user));
    if (decision.ok) return null;
    const message = rateLimitedMessage(perMinute, decision.retryAfterSeconds);
    log.warn("rate limited", { user_id: user.id, email: user.email, retry_after_s: decision.retryAfterSeconds });
    const body = jsonRpcId === undefined
      ? { success: false, error: "rate_limited", message }
      : { jsonrpc: "2.0", id: jsonRpcId ?? null, error: { code: -32000, message } };
    return Response.json(body, { status: 429, headers: { "retry-after": String(decision.retryAfterSeconds) } });
  };
}

/** Whether a JSON-RPC body is a tool call (the MCP messages the limit counts). */
export function isToolCall(body: unknown): body is { id?: unknown; method: "tools/call" } {
  return typeof body === "object" && body !== null && (body as { method?: unknown }).method === "tools/call";
}
