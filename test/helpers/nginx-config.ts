/** What `deriveNginxSite` swaps into deploy/nginx.conf; every other directive stays as it is. */
export interface NginxSiteParams {
  /** Upstream addresses `host:port`, used for every `upstream` block. */
  upstreams: string[];
  /** Port of the main (TLS) server, bound on 127.0.0.1. */
  mainPort: number;
  /** Port of the plain-HTTP redirect server, bound on 127.0.0.1. */
  redirectPort: number;
  /** false: the main server listens without `ssl` (the certificate lines stay, pointing at `cert`). */
  tls: boolean;
  certPath: string;
  keyPath: string;
}

function replaceOnce(text: string, pattern: RegExp, replacement: string, what: string): string {
  const count = text.match(new RegExp(pattern.source, "gm"))?.length ?? 0;
  if (count !== 1) {
    throw new Error(
      `deploy/nginx.conf 中找不到唯一的 ${what} / deploy/nginx.conf has ${count} "${what}" lines, ` +
        `expected 1: update test/helpers/nginx-config.ts to match it`,
    );
  }
  return text.replace(new RegExp(pattern.source, "m"), replacement);
}

/** Replaces the `server` lines of every `upstream` block, keeping the first line's parameters. */
function replaceUpstreamServers(text: string, upstreams: string[]): string {
  if (upstreams.length === 0) throw new Error("startNginx needs at least one upstream address");
  const blocks = text.replace(
    /^(upstream \S+ \{\n)([\s\S]*?)^\}/gm,
    (_all, head: string, body: string) => {
      const lines = body.split("\n");
      const first = lines.find((l) => /^\s+server\s/.test(l));
      if (!first) {
        throw new Error(
          `upstream block "${head.trim()}" in deploy/nginx.conf has no server line`,
        );
      }
      const [, indent, params] = first.match(/^(\s+)server\s+\S+(.*)$/)!;
      const servers = upstreams.map((address) => `${indent}server ${address}${params}`);
      const isServer = (l: string) => /^\s+#?\s*server\s/.test(l);
      const kept = lines.filter((l) => !isServer(l));
      const at = lines.slice(0, lines.indexOf(first)).filter((l) => !isServer(l)).length;
      kept.splice(at, 0, ...servers);
      return `${head}${kept.join("\n")}}`;
    },
  );
  if (blocks === text) throw new Error("deploy/nginx.conf has no upstream block");
  return blocks;
}

/**
 * deploy/nginx.conf with only listen ports, upstream addresses and certificate paths swapped,
 * ready to include in a test nginx. Throws if the file no longer has the expected lines.
 */
export function deriveNginxSite(conf: string, p: NginxSiteParams): string {
  let site = replaceUpstreamServers(conf, p.upstreams);
  site = replaceOnce(
    site,
    /^(\s+)listen 80;$/,
    `$1listen 127.0.0.1:${p.redirectPort};`,
    "listen 80;",
  );
  const ssl = p.tls ? " ssl" : "";
  site = replaceOnce(
    site,
    /^(\s+)listen 443 ssl;$/,
    `$1listen 127.0.0.1:${p.mainPort}${ssl};`,
    "listen 443 ssl;",
  );
  site = replaceOnce(site, /^(\s+ssl_certificate\s+)\S+;$/, `$1${p.certPath};`, "ssl_certificate");
  site = replaceOnce(
    site,
    /^(\s+ssl_certificate_key\s+)\S+;$/,
    `$1${p.keyPath};`,
    "ssl_certificate_key",
  );
  return site;
}

/** The main nginx.conf around the site: foreground, one worker, every path inside `dir`. */
export function nginxMainConfig(dir: string, sitePath: string, runAsRoot: boolean): string {
  return [
    "daemon off;",
    "worker_processes 1;",
    // Debian has no group "nobody", nginx's default when started as root.
    runAsRoot ? "user root root;" : "",
    `pid ${dir}/nginx.pid;`,
    `error_log ${dir}/error.log notice;`,
    "events { worker_connections 1024; }",
    "http {",
    `    access_log ${dir}/access.log;`,
    `    client_body_temp_path ${dir}/client_body;`,
    `    proxy_temp_path ${dir}/proxy;`,
    `    fastcgi_temp_path ${dir}/fastcgi;`,
    `    uwsgi_temp_path ${dir}/uwsgi;`,
    `    scgi_temp_path ${dir}/scgi;`,
    `    include ${sitePath};`,
    "}",
    "",
  ].join("\n");
}
