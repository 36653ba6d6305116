import type { Config } from "../config/config.ts";
import type { User } from "../identity/identity.ts";
import type { Logger } from "../observability/log.ts";
import { HttpError } from "./errors.ts";
import { createRateLimiter, rateKey, rateLimitedMessage } from "./rate-limit.ts";

/**
 * Checks one tool call (or download) against the per-user limit: null to go on, or the 429 refusal,
 * a JSON-RPC error when the call is the JSON-RPC message `jsonRpc` (its id answered), else an HTTP one.
 */
export type RateGate = (user: User, jsonRpc?: { readonly id?: unknown }) => HttpError | null;

/** The gate of one app instance; lets everything through when RATE_LIMIT_PER_MINUTE is 0. */
export function createRateGate(config: Pick<Config, "rateLimitPerMinute">, log: Logger): RateGate {
  const perMinute = config.rateLimitPerMinute;
  if (!perMinute) return () => null;
  const limiter = createRateLimiter(perMinute);
  return (user, jsonRpc) => {
    const decision = limiter.take(rateKey(user));
    if (decision.ok) return null;
    const message = rateLimitedMessage(perMinute, decision.retryAfterSeconds);
    log.warn("rate limited", {
      user_id: user.id,
      email: user.email,
      retry_after_s: decision.retryAfterSeconds,
    });
    return new HttpError({
      status: 429,
      code: "rate_limited",
      message,
      headers: { "retry-after": String(decision.retryAfterSeconds) },
      jsonRpc: jsonRpc && { code: -32000, id: jsonRpc.id },
    });
  };
}

/** Whether a JSON-RPC body is a tool call (the MCP messages the limit counts). */
export function isToolCall(body: unknown): body is { id?: unknown; method: "tools/call" } {
  return typeof body === "object" && body !== null &&
    (body as { method?: unknown }).method === "tools/call";
}
