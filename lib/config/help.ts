import { z } from "zod";

/**
 * One line per environment variable for `--help`. The variables and their defaults come from the
 * schema in lib/config/config.ts; test/config/help.test.ts fails when a variable there has no line here.
 */
export const ENV_DESCRIPTIONS: Readonly<Record<string, string>> = {
  PORT: "监听端口 listen port",
  HOST: "监听地址 listen address (0.0.0.0 in a container)",
  DATABASE_URL:
    "数据库 file:PATH, sqlite:////ABS/PATH, :memory:, or remote libsql://… / https://… (sqld, Turso)",
  DATABASE_AUTH_TOKEN: "远程数据库令牌 token for a remote libSQL database",
  DATABASE_CREATE_DIR:
    "创建数据库目录 create a missing directory of DATABASE_URL's file (the default ./data always is); otherwise a missing one stops start-up",
  LOG_LEVEL: "日志级别 debug | info | warn | error",
  LOG_FORMAT: "日志格式 auto (readable on a terminal, JSON lines otherwise) | json | pretty",
  LOG_FILE: "日志文件 also append every log line to this file, e.g. mcp_server.log",
  ROLE_MAP: "角色映射 RAW=ROLE,… maps custom roles onto ADMIN, ENGINEER, USER",
  SEED_DEMO_DATA: "演示数据 fill an empty database with the demo data (true/false)",
  MAX_BODY_BYTES: "请求体上限 largest request body in bytes (413 above)",
  MCP_AUTH_TOKEN:
    "访问令牌 shared secret every request but /health must send as Authorization: Bearer …",
  MCP_ALLOW_PUBLIC_WITHOUT_TOKEN:
    "允许无令牌公网监听 listen on a public address without MCP_AUTH_TOKEN (true/false)",
  ALLOWED_HOSTS: "允许的 Host host names accepted in Host/Origin besides loopback (* = any)",
  SSE_MAX_SESSIONS: "SSE 会话上限 most legacy SSE sessions open at once",
  SSE_MAX_SESSIONS_PER_USER:
    "每用户 SSE 会话上限 most legacy SSE sessions per user; one more closes that user's least recently used one",
  SSE_MAX_QUEUED_BYTES:
    "SSE 积压字节上限 bytes that may wait per session for a client not reading its stream (503, then the session is dropped)",
  SSE_MAX_QUEUED_MESSAGES:
    "SSE 积压消息上限 messages owed per session to a client not reading its stream (503 above)",
  SSE_IDLE_SECONDS:
    "SSE 空闲超时 close an SSE session with no client message (pings do not count) for this many seconds",
  RATE_LIMIT_PER_MINUTE:
    "每用户每分钟调用上限 tool calls per user per minute, 0 = unlimited (429 + Retry-After above)",
  SCOPED_ROLES:
    "数据范围角色 roles that see only granted blocks/wells, e.g. USER,ENGINEER (ADMIN always sees all)",
  TIME_ZONE: "时区 IANA time zone in which 今天, 昨天, 本周, 最近7天 are read",
  DB_READERS:
    "数据库读线程数 reader threads for a local database file (reads run in parallel on as many), besides one writer thread (0 = run the driver on the main thread, which then waits on every statement)",
  CHARTS: "图表 inline (MCP-UI resource in the result) | apps (MCP Apps view) | both | off",
  MCP_TOOLS:
    "开放的工具 toolsets (read, analysis, write, admin) and/or tool names this deployment exposes; roles still apply",
  TOOL_LANGUAGE:
    "工具说明语言 language of the tool descriptions the model reads: zh | zh-en (adds English: about 23% more tokens)",
};

/** A variable of the schema with its default as the user would type it (undefined: none). */
export interface EnvVariable {
  readonly name: string;
  readonly default?: string;
  readonly description?: string;
}

function defaultOf(field: z.core.$ZodType): unknown {
  if (field instanceof z.ZodDefault) return field.def.defaultValue;
  if (field instanceof z.ZodPipe) return defaultOf(field.def.in);
  return undefined;
}

/** The variables of a zod object schema (lib/config/config.ts's), in order, with defaults and descriptions. */
export function envVariables(schema: z.ZodObject): EnvVariable[] {
  return Object.entries(schema.shape).map(([name, field]) => {
    const value = defaultOf(field);
    return {
      name,
      default: value === undefined || value === "" ? undefined : String(value),
      description: ENV_DESCRIPTIONS[name],
    };
  });
}
