/**
 * Identity: the caller of a request, read from the identity headers LibreChat fills in per user
 * (X-User-Role, X-User-Email, X-User-ID), and the middleware that puts it on the Hono context.
 * Roles are decided in lib/permissions.ts, not here.
 *
 * @module
 */
import type { Config } from "../config/config.ts";
import { resolveRole } from "../permissions.ts";
import type { ResolvedRole } from "../permissions.ts";
import type { ToolFilter } from "../mcp/toolsets.ts";

/** The caller of one request, from the identity headers LibreChat fills in per user. */
export interface User {
  readonly id: string;
  readonly email: string;
  readonly name: string;
  readonly role: ResolvedRole;
  /** The tools the endpoint this caller came through exposes (MCP_TOOLS narrowed by `?tools=`); absent: every tool. */
  readonly tools?: ToolFilter;
}

/** Why the identity headers could not be accepted (answered with 401). */
export class IdentityError extends Error {
  override name = "IdentityError";
}

/** The identity headers, lower-case as `Headers` reports them. */
export const IDENTITY_HEADERS = {
  role: "x-user-role",
  email: "x-user-email",
  id: "x-user-id",
  name: "x-user-name",
} as const;

const PLACEHOLDER = /\{\{\s*LIBRECHAT_[A-Z_]+\s*\}\}/i;

/**
 * Decodes one header value: LibreChat sends values with characters above U+00FF
 * as `b64:<base64 of UTF-8>`. Throws IdentityError for a literal, unsubstituted
 * `{{LIBRECHAT_…}}` placeholder or undecodable base64.
 */
export function decodeHeaderValue(header: string, value: string | null): string {
  if (value === null) return "";
  const trimmed = value.trim();
  if (PLACEHOLDER.test(trimmed)) {
    throw new IdentityError(
      `请求头 ${header} 仍是未替换的占位符 "${trimmed}"：LibreChat 没有替换它，请检查 librechat.yaml 的 headers 与该用户的资料 / ` +
        `header ${header} still holds the literal placeholder "${trimmed}": LibreChat did not substitute it; check the headers in librechat.yaml and that the user has this field`,
    );
  }
  if (!trimmed.startsWith("b64:")) return trimmed;
  const encoded = trimmed.slice(4);
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(encoded) || encoded.length % 4 !== 0) {
    throw new IdentityError(
      `请求头 ${header} 的 b64: 值无法解码 "${trimmed}" / header ${header} has a b64: value that is not base64: "${trimmed}"`,
    );
  }
  const bytes = Uint8Array.from(atob(encoded), (c) => c.charCodeAt(0));
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes).trim();
  } catch {
    throw new IdentityError(
      `请求头 ${header} 的 b64: 值不是 UTF-8 "${trimmed}" / header ${header} has a b64: value that is not UTF-8: "${trimmed}"`,
    );
  }
}

/** Reads the caller from request headers; the role is mapped through the operator's ROLE_MAP. */
export function readUser(headers: Headers, roleMap: Config["roleMap"]): User {
  const get = (name: string) => decodeHeaderValue(name, headers.get(name));
  return {
    id: get(IDENTITY_HEADERS.id),
    email: get(IDENTITY_HEADERS.email),
    name: get(IDENTITY_HEADERS.name),
    role: resolveRole(get(IDENTITY_HEADERS.role), roleMap),
  };
}
