import type { Config } from "./config.ts";

/** The start-up banner: the guide's title, database, port, listen address, role map. */
export function banner(config: Config, address: { host: string; port: number }): string {
  const db = config.database.kind === "file" ? config.database.path : config.database.kind === "memory" ? ":memory:" : config.database.url.replace(/\/\/[^@/]*@/, "//***@");
  const roleMap = [...config.roleMap].map(([from, to]) => `${from}→${to}`).join(", ") || "(none; ADMIN, ENGINEER, USER only)";
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
    "=".repeat(60),
  ].join("\n");
}
