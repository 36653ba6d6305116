import type { Config } from "../config/config.ts";
import { isLoopback } from "../http/loopback.ts";

/** What the banner says about the shared secret, the bind address and the allowed Host names. */
export function securityLines(config: Config): string[] {
  const token = config.authToken
    ? "访问令牌 Auth token: 已配置 configured (MCP_AUTH_TOKEN); every request but /health needs Authorization: Bearer …"
    : isLoopback(config.host)
    ? "访问令牌 Auth token: 未配置 NOT configured; listening on loopback only, identity headers are trusted from local clients"
    : "访问令牌 Auth token: 未配置 NOT configured; 警告 WARNING: public address without a token (MCP_ALLOW_PUBLIC_WITHOUT_TOKEN=true): anyone who reaches the port can forge identity headers";
  const hosts = config.allowedHosts.includes("*")
    ? "允许的 Host Allowed hosts: * (DNS-rebinding check off)"
    : `允许的 Host Allowed hosts: loopback names${
      config.allowedHosts.length ? `, ${config.allowedHosts.join(", ")}` : ""
    } (ALLOWED_HOSTS)`;
  return [token, hosts];
}

/** The start-up banner: the guide's title, database, port, listen address, role map. */
export function banner(
  config: Config,
  address: { host: string; port: number; seeded?: number },
): string {
  const db = config.database.kind === "file"
    ? config.database.path
    : config.database.kind === "memory"
    ? ":memory:"
    : config.database.url.replace(/\/\/[^@/]*@/, "//***@");
  const roleMap = [...config.roleMap].map(([from, to]) => `${from}→${to}`).join(", ") ||
    "(none; ADMIN, ENGINEER, USER only)";
  return [
    "=".repeat(60),
    "油田钻井数据MCP Server - HTTP/SSE版本",
    "Oilfield drilling data MCP server",
    "=".repeat(60),
    `数据库 Database: ${db}`,
    `端口 Port: ${address.port}`,
    `角色映射 Role map: ${roleMap}`,
    `监听地址 Listening on: http://${address.host}:${address.port}`,
    `  MCP (Streamable HTTP): POST /mcp    REST: GET /health, GET /mcp/tools, POST /mcp/call-tool`,
    `  MCP (HTTP+SSE, legacy): GET /sse or GET /mcp/call-tool (the guide's URL works with type: sse and streamable-http)`,
    ...securityLines(config),
    ...(address.seeded
      ? [
        `演示数据 Demo data: 已向新数据库写入 ${address.seeded} 条演示日报 seeded ${address.seeded} demo reports into the new database (SEED_DEMO_DATA); remove: npm run demo:remove`,
      ]
      : []),
    "=".repeat(60),
  ].join("\n");
}
