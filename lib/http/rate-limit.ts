/** The answer of {@link RateLimiter.take}: allowed, or how many seconds until the next call may start. */
export type RateDecision = { readonly ok: true } | {
  readonly ok: false;
  readonly retryAfterSeconds: number;
};

/** A per-key limiter; one lives in each app instance (no module state). */
export interface RateLimiter {
  take(key: string): RateDecision;
}

const MAX_KEYS = 10_000;

/**
 * A token bucket per key: `perMinute` calls at once, refilled evenly over a
 * minute. When more than 10 000 keys are tracked, full buckets are forgotten.
 */
export function createRateLimiter(
  perMinute: number,
  now: () => number = () => Date.now(),
): RateLimiter {
  const buckets = new Map<string, { tokens: number; at: number }>();
  const perMs = perMinute / 60_000;
  return {
    take(key) {
      const t = now();
      const b = buckets.get(key) ?? { tokens: perMinute, at: t };
      b.tokens = Math.min(perMinute, b.tokens + (t - b.at) * perMs);
      b.at = t;
      if (buckets.size >= MAX_KEYS && !buckets.has(key)) {
        for (const [k, v] of buckets) {
          if (v.tokens + (t - v.at) * perMs >= perMinute) buckets.delete(k);
        }
      }
      buckets.set(key, b);
      if (b.tokens >= 1) {
        b.tokens -= 1;
        return { ok: true };
      }
      return {
        ok: false,
        retryAfterSeconds: Math.max(1, Math.ceil((1 - b.tokens) / perMs / 1000)),
      };
    },
  };
}

/** The key of a caller: user id, else email, else the role (all anonymous callers share one bucket). */
export function rateKey(user: { id: string; email: string; role: { raw: string } }): string {
  return user.id
    ? `id:${user.id}`
    : user.email
    ? `email:${user.email.toLowerCase()}`
    : `anonymous:${user.role.raw}`;
}

/** The bilingual 429 message. */
export function rateLimitedMessage(perMinute: number, retryAfter: number): string {
  return `调用过于频繁：每分钟最多 ${perMinute} 次，请 ${retryAfter} 秒后重试 / too many calls: at most ${perMinute} per minute; retry in ${retryAfter} s`;
}
