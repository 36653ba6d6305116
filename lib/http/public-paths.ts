import { httpErrorResponse } from "./errors.ts";

/**
 * Paths answered without the token or the Host check: `/health` (for probes,
 * which use whatever Host they like) and `/.well-known/…` (LibreChat probes OAuth
 * metadata there without headers; anything but 404 makes it expect OAuth).
 */
export function isPublicPath(path: string): boolean {
  return path === "/health" || path === "/.well-known" || path.startsWith("/.well-known/");
}

/** The answer to every `/.well-known/…` request: 404, this server has no OAuth. */
export function wellKnownNotFound(path: string): Response {
  return httpErrorResponse(
    404,
    "not_found",
    `"${path}" 不存在：本服务器不使用 OAuth，请用 MCP_AUTH_TOKEN 共享密钥 / "${path}" does not exist: this server uses no OAuth (it is protected by the MCP_AUTH_TOKEN shared secret)`,
  );
}
