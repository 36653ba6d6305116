import type { MiddlewareHandler } from "hono";
import type { Logger } from "../observability/log.ts";
import { HttpError } from "./errors.ts";
import { isPublicPath } from "./public-paths.ts";

/** SHA-256 of a token's UTF-8 bytes. */
export async function tokenDigest(token: string): Promise<Uint8Array> {
  return new Uint8Array(await crypto.subtle.digest("SHA-256", new TextEncoder().encode(token)));
}

/** Compares two byte strings in time that depends only on their lengths. */
export function constantTimeEqual(a: Uint8Array, b: Uint8Array): boolean {
  let diff = a.length ^ b.length;
  for (let i = 0; i < Math.max(a.length, b.length); i++) diff |= (a[i] ?? 0) ^ (b[i] ?? 0);
  return diff === 0;
}

const MESSAGE = {
  missing:
    '缺少访问令牌：请在请求头 Authorization 中发送 "Bearer <MCP_AUTH_TOKEN>"（LibreChat: headers.Authorization: "Bearer ${OILFIELD_MCP_TOKEN}"） / ' +
    'missing token: send the header Authorization: Bearer <MCP_AUTH_TOKEN> (in librechat.yaml: Authorization: "Bearer ${OILFIELD_MCP_TOKEN}")',
  wrong: "访问令牌错误：请求头 Authorization 中的 Bearer 令牌与服务器的 MCP_AUTH_TOKEN 不一致 / " +
    "wrong token: the Bearer token in the Authorization header does not match the server's MCP_AUTH_TOKEN",
} as const;

/**
 * Requires `Authorization: Bearer <token>` on every path but the public ones;
 * 401 naming the header otherwise (a HEAD without it: 204 and nothing run). Tokens are compared as SHA-256 digests in
 * constant time, so neither content nor length leaks through timing.
 */
export function bearerAuth(token: string, log: Logger): MiddlewareHandler {
  const expected = tokenDigest(token);
  return async function bearerAuth(c, next) {
    if (isPublicPath(c.req.path)) return next();
    const header = c.req.header("authorization") ?? "";
    const match = /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(header);
    const ok = match !== null && constantTimeEqual(await tokenDigest(match[1]), await expected);
    if (ok) return next();
    // A HEAD without the token is LibreChat's OAuth probe: its default MCP_OAUTH_ON_AUTH_ERROR reads
    // a 401/403 as "OAuth required" and never connects. 204 without running any handler reveals
    // nothing (HEAD has no body, and every path answers alike); GET and POST stay 401.
    if (c.req.method === "HEAD") return c.body(null, 204);
    const reason = !match ? "missing" : /^\$\{[^}]*\}$/.test(match[1]) ? "unexpanded" : "wrong";
    log.warn("token refused", { path: c.req.path, method: c.req.method, reason });
    // No WWW-Authenticate: LibreChat reads a Bearer challenge as "this server wants OAuth".
    const message = reason === "unexpanded"
      ? `请求头 Authorization 中的令牌是未展开的变量 "${
        match?.[1]
      }"：请在 LibreChat 的 .env 中设置它并重启 LibreChat / ` +
        `the token in the Authorization header is the unexpanded variable "${
          match?.[1]
        }": LibreChat did not substitute it; set it in LibreChat's .env and restart LibreChat`
      : MESSAGE[reason];
    throw new HttpError({ status: 401, code: "unauthorized", message });
  };
}
