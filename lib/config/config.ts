/**
 * Configuration: the only reader of the environment. Every variable is parsed with zod into one
 * typed Config; `--help` (help.ts) is generated from the same table.
 *
 * @module
 */
import { z } from "zod";
import { isLoopback } from "../http/loopback.ts";
import { TOOL_LANGUAGES } from "../mcp/tool-schema.ts";
import { parseToolFilter } from "../mcp/toolsets.ts";
import type { ToolFilter } from "../mcp/toolsets.ts";
import type { ToolLanguage } from "../mcp/tool-schema.ts";

/** The roles this server knows; every other role is mapped onto one of these or gets nothing. */
export const ROLES = ["ADMIN", "ENGINEER", "USER"] as const;
/** A permission role. */
export type Role = (typeof ROLES)[number];

/** Where the drilling data lives, as parsed from `DATABASE_URL`. */
export interface DatabaseLocation {
  /** URL handed to the libSQL client: `file:…`, `:memory:`, `libsql://…`, `https://…`. */
  readonly url: string;
  readonly kind: "file" | "memory" | "remote";
  /** The local file path for `file` databases. */
  readonly path?: string;
}

/** The server's whole configuration, read once from the environment. */
export interface Config {
  readonly port: number;
  readonly host: string;
  readonly database: DatabaseLocation;
  readonly databaseAuthToken?: string;
  /** Create a missing directory of a local database file: for the default path, or when DATABASE_CREATE_DIR=true. */
  readonly createDatabaseDir: boolean;
  readonly logLevel: "debug" | "info" | "warn" | "error";
  /** Operator's map of raw (e.g. LibreChat custom) role names, upper-cased, onto permission roles. */
  readonly roleMap: ReadonlyMap<string, Role>;
  /** Fill an empty database with the deterministic demo data. */
  readonly seedDemoData: boolean;
  /** Largest request body accepted, bytes (413 above). */
  readonly maxBodyBytes: number;
  /** Tool calls (and downloads) one user may start per minute; 0 = no limit (429 with Retry-After above). */
  readonly rateLimitPerMinute: number;
  /** Shared secret every request but `/health` must carry as `Authorization: Bearer …`; unset = no check. */
  readonly authToken?: string;
  /** Operator's explicit opt-in to listen on a non-loopback address without a token. */
  readonly allowPublicWithoutToken: boolean;
  /** Extra host names accepted in `Host`/`Origin` (loopback names always are); `["*"]` turns the check off. */
  readonly allowedHosts: readonly string[];
  /** Most legacy HTTP+SSE sessions open at once (503 above). */
  readonly sseMaxSessions: number;
  /** Most legacy SSE sessions one identity may hold; opening one more closes that identity's least recently used one. */
  readonly sseMaxSessionsPerUser: number;
  /** Most bytes of events that may wait for a legacy-SSE client that is not reading; past it POSTs get 503 and the session is dropped. */
  readonly sseMaxQueuedBytes: number;
  /** Most events (queued or being answered) that may wait for a legacy-SSE client that is not reading. */
  readonly sseMaxQueuedMessages: number;
  /** An SSE session with no client message (pings do not count) for this long is closed, seconds. */
  readonly sseIdleSeconds: number;
  /** IANA time zone in which 今天, 昨天, 本周 … are read, e.g. `Asia/Shanghai`. */
  readonly timeZone: string;
  /** Log line format: `auto` is readable on a terminal and JSON lines otherwise. */
  readonly logFormat: "auto" | "json" | "pretty";
  /** A file every log line is also appended to (the guide's `mcp_server.log`). */
  readonly logFile?: string;
  /** Which chart forms chart tools send: MCP-UI resources inline, MCP Apps views, both, or none. */
  readonly charts: "inline" | "apps" | "both" | "off";
  /** Roles that see only the wells granted to them (issue 9); every other role sees all wells. */
  readonly scopedRoles: readonly Role[];
  /** Language of the tool descriptions the model reads: `zh` (default, measured cheaper) or `zh-en`. */
  readonly toolLanguage: ToolLanguage;
  /** The tools this deployment exposes (MCP_TOOLS: toolsets and tool names); null: every tool. Roles still apply. */
  readonly tools: ToolFilter;
  /** Reader threads for a local database file (plus one writer thread); 0 = the driver on the main thread. */
  readonly dbReaders: number;
}

/** Thrown when the environment holds bad values; its message names every one of them. */
export class ConfigError extends Error {
  override name = "ConfigError";
}

/** Turns the accepted DATABASE_URL spellings into a libSQL location (the guide's `sqlite:////abs/path` too). */
export function parseDatabaseUrl(raw: string): DatabaseLocation {
  const value = raw.trim();
  if (value === ":memory:" || value === "file::memory:") return { url: ":memory:", kind: "memory" };
  const sqlite = /^sqlite:\/\/\/(.+)$/.exec(value);
  if (sqlite) return { url: `file:${sqlite[1]}`, kind: "file", path: sqlite[1] };
  if (value.startsWith("file:")) {
    const path = value.slice("file:".length).replace(/^\/\/(?=\/)/, "");
    if (!path) throw new Error("file: URL has no path");
    return { url: `file:${path}`, kind: "file", path };
  }
  if (/^(libsql|https?|wss?):\/\/[^/\s]+/.test(value)) return { url: value, kind: "remote" };
  throw new Error(
    "expected file:PATH, sqlite:////ABS/PATH, :memory:, libsql://HOST or https://HOST",
  );
}

/** Parses `ROLE_MAP` such as `geologist=USER, drilling_lead=ENGINEER`. */
export function parseRoleMap(raw: string): Map<string, Role> {
  const map = new Map<string, Role>();
  for (const pair of raw.split(",").map((p) => p.trim()).filter(Boolean)) {
    const [from, to, extra] = pair.split("=").map((s) => s.trim());
    const target = to?.toUpperCase();
    if (!from || extra !== undefined || !ROLES.includes(target as Role)) {
      throw new Error(`"${pair}" is not RAW=${ROLES.join("|")}`);
    }
    map.set(from.toUpperCase(), target as Role);
  }
  return map;
}

/** Parses `SCOPED_ROLES` such as `USER, engineer`: permission roles, ADMIN excluded (it always sees every well). */
export function parseScopedRoles(raw: string): Role[] {
  const roles = raw.split(",").map((r) => r.trim().toUpperCase()).filter(Boolean);
  for (const role of roles) {
    if (role === "ADMIN") throw new Error('"ADMIN" always sees every well: remove it');
    if (!ROLES.includes(role as Role)) {
      throw new Error(
        `"${role}" is not a role: use ${ROLES.filter((r) => r !== "ADMIN").join(", ")}`,
      );
    }
  }
  return [...new Set(roles)] as Role[];
}

/** Parses `ALLOWED_HOSTS` such as `mcp.example.com, oilfield-mcp` (host names only; `*` = any). */
export function parseAllowedHosts(raw: string): string[] {
  const hosts = raw.split(",").map((h) => h.trim().toLowerCase()).filter(Boolean);
  for (const host of hosts) {
    if (host !== "*" && !/^(\[[0-9a-f:.]+\]|[0-9a-z._-]+|[0-9a-f:.]+)$/.test(host)) {
      throw new Error(
        `"${host}" is not a host name: write names only, without scheme, port or path, e.g. mcp.example.com`,
      );
    }
  }
  return hosts.map((h) => h.replace(/^\[(.*)\]$/, "$1"));
}

// Never echoed back in error messages.
const SECRETS = ["MCP_AUTH_TOKEN", "DATABASE_AUTH_TOKEN"];

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

// Abbreviations that name different zones to different readers: CST is China Standard Time to a
// Chinese administrator but US Central to the ICU data (a 14 h shift of 今天/昨天). Refused, never guessed.
const AMBIGUOUS_ZONES: Readonly<Record<string, string>> = {
  CST:
    "中国时间请写 Asia/Shanghai，美国中部时间请写 America/Chicago / for China time write Asia/Shanghai, for US Central America/Chicago",
  IST:
    "印度请写 Asia/Kolkata，爱尔兰 Europe/Dublin，以色列 Asia/Jerusalem / for India write Asia/Kolkata, Ireland Europe/Dublin, Israel Asia/Jerusalem",
  BST: "英国请写 Europe/London / for the UK write Europe/London",
};

function checkTimeZone(zone: string, ctx: z.RefinementCtx): void {
  const hint = AMBIGUOUS_ZONES[zone.toUpperCase()];
  if (hint) {
    ctx.addIssue({
      code: "custom",
      message: `时区缩写 "${zone}" 有歧义 / the abbreviation "${zone}" is ambiguous: ${hint}`,
    });
  } else if (!isTimeZone(zone)) {
    ctx.addIssue({
      code: "custom",
      message: "expected an IANA time zone such as Asia/Shanghai or UTC",
    });
  }
}

/** A zod transform that runs `parse`, turning what it throws into an issue of the variable. */
function parsedBy<T>(parse: (value: string) => T) {
  return (value: string, ctx: z.RefinementCtx): T => {
    try {
      return parse(value);
    } catch (e) {
      ctx.addIssue({ code: "custom", message: (e as Error).message });
      return z.NEVER;
    }
  };
}

const bool = z.enum(["1", "0", "true", "false", "yes", "no"]).transform((v) =>
  ["1", "true", "yes"].includes(v)
);

const schema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  HOST: z.string().trim().min(1).default("127.0.0.1"),
  DATABASE_URL: z.string().default("file:./data/oilfield.db").transform(parsedBy(parseDatabaseUrl)),
  DATABASE_AUTH_TOKEN: z.string().min(1).optional(),
  DATABASE_CREATE_DIR: bool.default(false),
  LOG_LEVEL: z.enum(["debug", "info", "warn", "error"]).default("info"),
  ROLE_MAP: z.string().default("").transform(parsedBy(parseRoleMap)),
  SEED_DEMO_DATA: bool.default(true),
  MAX_BODY_BYTES: z.coerce.number().int().min(1024).max(256 * 1024 * 1024).default(4 * 1024 * 1024),
  MCP_AUTH_TOKEN: z.string().trim().min(
    16,
    "too short: use at least 16 characters, e.g. the output of `openssl rand -hex 32`",
  ).optional(),
  MCP_ALLOW_PUBLIC_WITHOUT_TOKEN: bool.default(false),
  ALLOWED_HOSTS: z.string().default("").transform(parsedBy(parseAllowedHosts)),
  SSE_MAX_SESSIONS: z.coerce.number().int().min(1).max(100000).default(1000),
  SSE_MAX_SESSIONS_PER_USER: z.coerce.number().int().min(1).max(100000).default(5),
  SSE_MAX_QUEUED_BYTES: z.coerce.number().int().min(64 * 1024).max(1024 * 1024 * 1024).default(
    4 * 1024 * 1024,
  ),
  SSE_MAX_QUEUED_MESSAGES: z.coerce.number().int().min(1).max(100000).default(100),
  SSE_IDLE_SECONDS: z.coerce.number().int().min(1).max(7 * 24 * 3600).default(1800),
  TIME_ZONE: z.string().trim().default("Asia/Shanghai").superRefine(checkTimeZone),
  LOG_FORMAT: z.enum(["auto", "json", "pretty"]).default("auto"),
  LOG_FILE: z.string().trim().min(1).optional(),
  CHARTS: z.enum(["inline", "apps", "both", "off"]).default("both"),
  RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(0).max(1_000_000).default(0),
  SCOPED_ROLES: z.string().default("").transform(parsedBy(parseScopedRoles)),
  TOOL_LANGUAGE: z.enum(TOOL_LANGUAGES).default("zh"),
  MCP_TOOLS: z.string().default("").transform(parsedBy(parseToolFilter)),
  DB_READERS: z.coerce.number().int().min(0).max(64).default(2),
});

/** The environment variables the server reads, as a zod object (for `--help`). */
export const CONFIG_ENV_SCHEMA = schema;

/**
 * Reads the configuration from an environment record (the only place that does).
 * Empty strings count as unset. Throws one ConfigError naming every bad variable.
 */
export function loadConfig(env: Record<string, string | undefined>): Config {
  const present = Object.fromEntries(
    Object.entries(env).filter(([, v]) => v !== undefined && v !== ""),
  );
  const parsed = schema.safeParse(present);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => {
      const name = String(issue.path[0]);
      const value = SECRETS.includes(name)
        ? `(hidden, ${(env[name] ?? "").length} characters)`
        : `"${env[name] ?? ""}"`;
      return `  ${name}=${value}: ${issue.message}`;
    });
    // One bad variable: one line a person can act on; several: one line each under a heading.
    if (lines.length === 1) {
      throw new ConfigError(
        `配置错误，请修正环境变量 / invalid configuration, fix this environment variable: ${
          lines[0].trim()
        }`,
      );
    }
    throw new ConfigError(
      `配置错误，请修正以下环境变量 / invalid configuration, fix these environment variables:\n${
        lines.join("\n")
      }`,
    );
  }
  const e = parsed.data;
  // Fail closed: identity headers are only trustworthy behind the secret or on loopback.
  if (!isLoopback(e.HOST) && !e.MCP_AUTH_TOKEN && !e.MCP_ALLOW_PUBLIC_WITHOUT_TOKEN) {
    throw new ConfigError(
      `配置错误：HOST="${e.HOST}" 不是回环地址，但未设置 MCP_AUTH_TOKEN，任何人都能伪造身份请求头 / invalid configuration: HOST="${e.HOST}" is not loopback ` +
        "and MCP_AUTH_TOKEN is not set, so anyone who can reach the port could forge the identity headers. Set MCP_AUTH_TOKEN " +
        "(e.g. `openssl rand -hex 32`, and the same value in LibreChat's Authorization header), or listen on 127.0.0.1, or set " +
        "MCP_ALLOW_PUBLIC_WITHOUT_TOKEN=true if something in front of this server already authenticates every request.",
    );
  }
  return {
    port: e.PORT,
    host: e.HOST,
    database: e.DATABASE_URL,
    databaseAuthToken: e.DATABASE_AUTH_TOKEN,
    createDatabaseDir: e.DATABASE_CREATE_DIR || present.DATABASE_URL === undefined,
    logLevel: e.LOG_LEVEL,
    roleMap: e.ROLE_MAP,
    seedDemoData: e.SEED_DEMO_DATA,
    maxBodyBytes: e.MAX_BODY_BYTES,
    rateLimitPerMinute: e.RATE_LIMIT_PER_MINUTE,
    authToken: e.MCP_AUTH_TOKEN,
    allowPublicWithoutToken: e.MCP_ALLOW_PUBLIC_WITHOUT_TOKEN,
    allowedHosts: e.ALLOWED_HOSTS,
    sseMaxSessions: e.SSE_MAX_SESSIONS,
    sseMaxSessionsPerUser: e.SSE_MAX_SESSIONS_PER_USER,
    sseMaxQueuedBytes: e.SSE_MAX_QUEUED_BYTES,
    sseMaxQueuedMessages: e.SSE_MAX_QUEUED_MESSAGES,
    sseIdleSeconds: e.SSE_IDLE_SECONDS,
    timeZone: e.TIME_ZONE,
    logFormat: e.LOG_FORMAT,
    logFile: e.LOG_FILE,
    charts: e.CHARTS,
    scopedRoles: e.SCOPED_ROLES,
    toolLanguage: e.TOOL_LANGUAGE,
    tools: e.MCP_TOOLS,
    dbReaders: e.DB_READERS,
  };
}
