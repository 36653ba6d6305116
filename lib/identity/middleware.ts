import type { Context, MiddlewareHandler } from "hono";
import type { Config } from "../config/config.ts";
import { IdentityError, readUser } from "./identity.ts";
import type { User } from "./identity.ts";
import { narrowFilter, parseToolFilter } from "../mcp/toolsets.ts";
import type { ToolFilter } from "../mcp/toolsets.ts";
import { HttpError } from "../http/errors.ts";

/** What {@link identity} puts on the context: the caller, read by `c.get("user")` / `c.var.user`. */
export type IdentityVariables = {
  user: User;
};

declare module "hono" {
  interface ContextVariableMap extends IdentityVariables {}
}

/** What {@link identity} is built from. */
export interface IdentityOptions {
  /** The operator's ROLE_MAP (custom LibreChat roles onto USER, ENGINEER, ADMIN). */
  readonly roleMap?: Config["roleMap"];
  /** The tools the whole server exposes (MCP_TOOLS); `?tools=` on the URL may only narrow them. Null (the default): every tool. */
  readonly tools?: ToolFilter;
  /** Told of every refused identity (to log, count and audit it) before the 401 is answered. */
  readonly onRefused?: (c: Context, reason: string) => void;
}

/**
 * The tools this request's endpoint exposes: MCP_TOOLS narrowed by the `?tools=` query parameter.
 * Throws an {@link HttpError} (400, naming the value) for a parameter that is not a valid list.
 */
export function endpointTools(c: Context, configured: ToolFilter): ToolFilter {
  const raw = c.req.query("tools");
  if (raw === undefined) return configured;
  try {
    return narrowFilter(configured, parseToolFilter(raw));
  } catch (error) {
    throw new HttpError({
      status: 400,
      code: "invalid",
      message: `查询参数 tools="${raw}" 无效 / invalid query parameter tools="${raw}": ${
        (error as Error).message
      }`,
    });
  }
}

/**
 * Identity middleware: reads the caller from the identity headers LibreChat fills in per user
 * (X-User-Role, X-User-Email, X-User-ID, X-User-Name), maps the role through ROLE_MAP, narrows the
 * tools to the endpoint's (`?tools=`) and sets the caller on the context as `user`.
 *
 * Fails closed: headers that cannot be read (a literal `{{LIBRECHAT_…}}` placeholder, broken `b64:`)
 * are refused with 401 before any handler runs; a missing or unknown role is read as the role `null`,
 * which `lib/permissions.ts` lets call nothing.
 */
export const identity = (
  { roleMap = new Map(), tools = null, onRefused = () => {} }: IdentityOptions = {},
): MiddlewareHandler => {
  return async function identity(c, next) {
    let user: User;
    try {
      user = readUser(c.req.raw.headers, roleMap);
    } catch (error) {
      if (!(error instanceof IdentityError)) throw error;
      onRefused(c, error.message);
      throw new HttpError({ status: 401, code: "unauthorized", message: error.message });
    }
    const exposed = endpointTools(c, tools);
    c.set("user", exposed ? { ...user, tools: exposed } : user);
    await next();
  };
};
