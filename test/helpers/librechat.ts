import { Buffer } from "node:buffer";

// Mimics how LibreChat fills the `headers` of an `mcpServers` entry before connecting, so our
// end-to-end tests send exactly what a real LibreChat would. Followed sources:
// - danny-avila/LibreChat packages/api/src/utils/env.ts (commit 2fdfe690): ALLOWED_USER_FIELDS,
//   processUserPlaceholders (missing field → placeholder stays, null → "", empty id → stays),
//   processSingleValue.
// - danny-avila/LibreChat PR #11432 (merged 2026-01-20, same file): encodeHeaderValue; a name,
//   username or email with a character above U+00FF goes out as `b64:` + base64 of its UTF-8.
// - librechat-data-provider extractEnvVariable (`${VAR}`: trimmed value, unset or empty var stays
//   literal, infrastructure secrets never expand) and packages/api/src/utils/headers.ts, which
//   states the env-before-user order: a user's own text is never expanded as `${VAR}`.

/** The user fields LibreChat substitutes as `{{LIBRECHAT_USER_<FIELD>}}` (FIELD upper-cased). */
export const LIBRECHAT_USER_FIELDS = [
  "id",
  "name",
  "username",
  "email",
  "provider",
  "role",
  "googleId",
  "facebookId",
  "openidId",
  "samlId",
  "ldapId",
  "githubId",
  "discordId",
  "appleId",
  "emailVerified",
  "twoFactorEnabled",
  "termsAccepted",
] as const;

/** A LibreChat user as the placeholders see it; only the fields above are read. */
export type LibreChatUser = Partial<
  Record<(typeof LIBRECHAT_USER_FIELDS)[number], string | boolean | null | undefined>
>;

const ENCODED_FIELDS = new Set(["name", "username", "email"]);

const SENSITIVE_ENV_VARS = new Set([
  "JWT_SECRET",
  "JWT_REFRESH_SECRET",
  "CREDS_KEY",
  "CREDS_IV",
  "MEILI_MASTER_KEY",
  "MONGO_URI",
  "REDIS_URI",
  "REDIS_PASSWORD",
]);

/** LibreChat's header encoding: `b64:<base64 of UTF-8>` when any character is above U+00FF. */
export function encodeLibreChatHeaderValue(value: string): string {
  // deno-lint-ignore no-control-regex -- Latin-1 is what a header value may hold
  if (!/[^\u0000-\u00ff]/.test(value)) return value;
  return `b64:${Buffer.from(value, "utf8").toString("base64")}`;
}

/** Reverses `encodeLibreChatHeaderValue`: what our server must do with a received header. */
export function decodeLibreChatHeaderValue(value: string): string {
  if (!value.startsWith("b64:")) return value;
  return Buffer.from(value.slice(4), "base64").toString("utf8");
}

function expandEnv(value: string, env: Record<string, string | undefined>): string {
  return value.trim().replace(/\$\{([^}]+)\}/g, (whole, name: string) => {
    if (SENSITIVE_ENV_VARS.has(name)) return whole;
    return env[name] || whole;
  });
}

function fillUserFields(value: string, user: LibreChatUser): string {
  for (const field of LIBRECHAT_USER_FIELDS) {
    const placeholder = `{{LIBRECHAT_USER_${field.toUpperCase()}}}`;
    if (!value.includes(placeholder) || !(field in user)) continue;
    const fieldValue = user[field];
    if (field === "id" && (fieldValue === undefined || fieldValue === "")) continue;
    let replacement = fieldValue == null ? "" : String(fieldValue);
    if (ENCODED_FIELDS.has(field)) replacement = encodeLibreChatHeaderValue(replacement);
    // A string replacement, as LibreChat's: `$&` and the like in a value are expanded by replace().
    value = value.replace(new RegExp(placeholder, "g"), replacement);
  }
  return value;
}

/**
 * The headers LibreChat sends for this user, given an `mcpServers` entry's `headers`
 * (`${VAR}` taken from `env`, never from the real process environment). Pure.
 */
export function resolveLibreChatHeaders(
  headers: Record<string, string>,
  user: LibreChatUser | undefined,
  env: Record<string, string | undefined> = {},
): Record<string, string> {
  const resolved: Record<string, string> = {};
  for (const [name, template] of Object.entries(headers)) {
    const expanded = expandEnv(template, env);
    resolved[name] = user ? fillUserFields(expanded, user) : expanded;
  }
  return resolved;
}
