/**
 * Whether a bind address or host name is loopback-only: `localhost`, `::1`,
 * anything in 127.0.0.0/8. Wildcards (`0.0.0.0`, `::`) and every other name are not.
 */
export function isLoopback(host: string): boolean {
  const h = host.trim().toLowerCase().replace(/^\[(.*)\]$/, "$1");
  if (h === "localhost" || h.endsWith(".localhost") || h === "::1") return true;
  return /^127(\.\d{1,3}){3}$/.test(h);
}

/** The host name of a `Host` header value, lower-case, without the port and IPv6 brackets. */
export function hostnameOf(hostHeader: string): string {
  const h = hostHeader.trim().toLowerCase();
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(h);
  if (bracketed) return bracketed[1];
  const colons = h.split(":").length - 1;
  // An unbracketed IPv6 literal has several colons and no port.
  if (colons > 1) return h;
  return h.replace(/:\d+$/, "");
}
