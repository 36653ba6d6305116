import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { connect } from "node:net";
import { tmpdir } from "node:os";
import { delimiter, join } from "node:path";
import process from "node:process";
import { freePort } from "../../bench/process.ts";
import { deriveNginxSite, nginxMainConfig } from "./nginx-config.ts";

/** Options for `startNginx`. */
export interface NginxOptions {
  /** Upstream addresses `host:port` (our server instances), put in every `upstream` block. */
  upstreams: string[];
  /** Serve TLS with a fresh self-signed certificate (default false: plain HTTP, same directives). */
  tls?: boolean;
  /** Changes the derived site config before use: only for tests proving a check can fail. */
  edit?: (site: string) => string;
}

/** A running nginx in front of the upstreams. */
export interface RunningNginx {
  /** `http(s)://127.0.0.1:PORT` of the main server. */
  url: string;
  /** PEM of the self-signed certificate (for a client's `ca`), when `tls` is on. */
  certificate?: string;
  /** nginx's error log so far, for failure messages. */
  errorLog(): string;
  /** Stops nginx and removes its temp dir. */
  stop(): Promise<void>;
}

const INSTALL_NGINX = "apt-get install -y nginx";

function findExecutable(name: string, extra: string[]): string | null {
  const dirs = [...(process.env.PATH ?? "").split(delimiter), ...extra];
  return dirs.map((d) => join(d, name)).find((p) => p.startsWith("/") && existsSync(p)) ?? null;
}

function makeCertificate(dir: string): { certPath: string; keyPath: string } {
  const certPath = join(dir, "cert.pem");
  const keyPath = join(dir, "key.pem");
  const result = spawnSync("openssl", [
    "req",
    "-x509",
    "-nodes",
    "-newkey",
    "ec",
    "-pkeyopt",
    "ec_paramgen_curve:prime256v1",
    "-keyout",
    keyPath,
    "-out",
    certPath,
    "-days",
    "2",
    "-subj",
    "/CN=mcp.yourdomain.com",
    "-addext",
    "subjectAltName=IP:127.0.0.1,DNS:localhost,DNS:mcp.yourdomain.com",
  ], { encoding: "utf8" });
  if (result.error || result.status !== 0) {
    throw new Error(
      `openssl 无法生成证书 / openssl could not make a certificate ` +
        `(${result.error?.message ?? result.stderr.trim()}): apt-get install -y openssl`,
    );
  }
  return { certPath, keyPath };
}

/** Resolves once `port` accepts connections; rejects if nginx exits first. */
async function waitForPort(port: number, child: ChildProcess, log: () => string): Promise<void> {
  for (let attempt = 0; attempt < 200; attempt++) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(
        `nginx exited (${child.exitCode ?? child.signalCode}) while starting:\n${log()}`,
      );
    }
    const open = await new Promise<boolean>((resolve) => {
      const socket = connect(port, "127.0.0.1");
      socket.once("connect", () => (socket.destroy(), resolve(true)));
      socket.once("error", () => resolve(false));
    });
    if (open) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`nginx did not listen on 127.0.0.1:${port} within 10 s:\n${log()}`);
}

/**
 * Runs Debian's nginx in the foreground with deploy/nginx.conf (only ports, upstream addresses,
 * certificate and pid/log/temp paths swapped, all under a temp dir) on 127.0.0.1.
 * Rejects with the apt-get line when nginx is not installed.
 */
export async function startNginx(options: NginxOptions): Promise<RunningNginx> {
  const nginx = findExecutable("nginx", ["/usr/sbin", "/usr/local/sbin", "/usr/local/nginx/sbin"]);
  if (!nginx) throw new Error(`nginx 未安装 / nginx is not installed: ${INSTALL_NGINX}`);
  const dir = mkdtempSync(join(tmpdir(), "oilfield-nginx-"));
  chmodSync(dir, 0o755);
  const tls = options.tls ?? false;
  const { certPath, keyPath } = makeCertificate(dir);
  const [mainPort, redirectPort] = [await freePort(), await freePort()];
  const conf = readFileSync("deploy/nginx.conf", "utf8");
  let site = deriveNginxSite(conf, {
    upstreams: options.upstreams,
    mainPort,
    redirectPort,
    tls,
    certPath,
    keyPath,
  });
  if (options.edit) site = options.edit(site);
  writeFileSync(join(dir, "site.conf"), site);
  const runAsRoot = process.getuid?.() === 0;
  writeFileSync(join(dir, "nginx.conf"), nginxMainConfig(dir, join(dir, "site.conf"), runAsRoot));

  const errorLogPath = join(dir, "error.log");
  const errorLog = () => (existsSync(errorLogPath) ? readFileSync(errorLogPath, "utf8") : "");
  const child = spawn(nginx, ["-p", dir, "-c", join(dir, "nginx.conf"), "-e", errorLogPath], {
    stdio: "ignore",
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), 5000);
      await exited;
      clearTimeout(timer);
    }
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    await waitForPort(mainPort, child, errorLog);
  } catch (error) {
    await stop();
    throw error;
  }
  return {
    url: `${tls ? "https" : "http"}://127.0.0.1:${mainPort}`,
    certificate: tls ? readFileSync(certPath, "utf8") : undefined,
    errorLog,
    stop,
  };
}
