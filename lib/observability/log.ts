/**
 * Observability: structured logs (log.ts, log-output.ts), request and call metrics, and the
 * Prometheus text format for GET /metrics.
 *
 * @module
 */
/** Log levels in increasing severity. */
export type LogLevel = "debug" | "info" | "warn" | "error";

/** A structured logger: one line per event. */
export interface Logger {
  debug(msg: string, fields?: Record<string, unknown>): void;
  info(msg: string, fields?: Record<string, unknown>): void;
  warn(msg: string, fields?: Record<string, unknown>): void;
  error(msg: string, fields?: Record<string, unknown>): void;
}

/** Options for {@link createLogger}. */
export interface LoggerOptions {
  readonly level?: LogLevel;
  /** `json`: one JSON object per line; `pretty`: a readable line for terminals. */
  readonly format?: "json" | "pretty";
  /** Where lines go (default: stderr). */
  readonly write?: (line: string) => void;
}

const ORDER: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

function pretty(level: LogLevel, msg: string, fields: Record<string, unknown>): string {
  const rest = Object.entries(fields)
    .map(([k, v]) => `${k}=${typeof v === "string" ? v : JSON.stringify(v)}`)
    .join(" ");
  return `${new Date().toISOString()} ${level.toUpperCase().padEnd(5)} ${msg}${
    rest ? ` ${rest}` : ""
  }`;
}

/** Creates a logger that drops lines below `level`. */
export function createLogger(options: LoggerOptions = {}): Logger {
  const min = ORDER[options.level ?? "info"];
  const format = options.format ?? "json";
  const write = options.write ?? ((line: string) => console.error(line));
  const emit = (level: LogLevel) => (msg: string, fields: Record<string, unknown> = {}) => {
    if (ORDER[level] < min) return;
    write(
      format === "json"
        ? JSON.stringify({ time: new Date().toISOString(), level, msg, ...fields })
        : pretty(level, msg, fields),
    );
  };
  return { debug: emit("debug"), info: emit("info"), warn: emit("warn"), error: emit("error") };
}
