import type { MiddlewareHandler } from "hono";
import type { Logger } from "../observability/log.ts";
import { HttpError } from "./errors.ts";
import { hostnameOf, isLoopback } from "./loopback.ts";
import { isPublicPath } from "./public-paths.ts";

/** What {@link hostGuard} accepts. */
export interface HostGuardOptions {
  /** Extra allowed host names (`ALLOWED_HOSTS`); `*` turns the check off. */
  readonly allowedHosts: readonly string[];
  /** The bind address: a specific one (not 0.0.0.0 or ::) is allowed too. */
  readonly bindHost: string;
  readonly log: Logger;
}

/** Whether `hostname` may appear in Host/Origin: loopback names, the bind address, or a listed name. */
export function isAllowedHost(
  hostname: string,
  options: Pick<HostGuardOptions, "allowedHosts" | "bindHost">,
): boolean {
  if (options.allowedHosts.includes("*") || isLoopback(hostname)) return true;
  const bind = hostnameOf(options.bindHost);
  if (bind !== "0.0.0.0" && bind !== "::" && hostname === bind) return true;
  return options.allowedHosts.includes(hostname);
}

/**
 * DNS-rebinding protection: refuses (403) a request whose Host, or Origin when
 * present, names a host that is not allowed. A browser tricked into calling this
 * server from an attacker's page sends the attacker's name in both.
 */
export function hostGuard(options: HostGuardOptions): MiddlewareHandler {
  return async function hostGuard(c, next) {
    if (isPublicPath(c.req.path)) return next();
    const host = c.req.header("host");
    const origin = c.req.header("origin");
    let refused: string | undefined;
    if (!host || !isAllowedHost(hostnameOf(host), options)) refused = `Host "${host ?? ""}"`;
    else if (origin !== undefined) {
      let name: string | undefined;
      try {
        name = new URL(origin).hostname.replace(/^\[(.*)\]$/, "$1");
      } catch {
        name = undefined;
      }
      if (!name || !isAllowedHost(name, options)) refused = `Origin "${origin}"`;
    }
    if (!refused) return next();
    options.log.warn("host refused", { path: c.req.path, host, origin });
    throw new HttpError({
      status: 403,
      code: "forbidden_host",
      message:
        `请求头 ${refused} 不在允许列表中（防 DNS 重绑定） / ${refused} is not allowed (DNS-rebinding protection): ` +
        "if clients really reach the server under this name, add it to ALLOWED_HOSTS",
    });
  };
}
