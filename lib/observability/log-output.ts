import { closeSync, mkdirSync, openSync, writeSync } from "node:fs";
import { dirname } from "node:path";
import type { Config } from "../config/config.ts";
import { createLogger } from "./log.ts";
import type { Logger } from "./log.ts";

/** Where the server's log lines go: the terminal (or a pipe) and optionally a file. */
export interface ServerLog {
  readonly log: Logger;
  /** The format chosen for the console stream. */
  readonly consoleFormat: "json" | "pretty";
  /** Closes the log file, if any. */
  close(): void;
}

/** The console side: stderr in production, anything with `isTTY` and a line writer in tests. */
export interface LogConsole {
  readonly isTTY?: boolean;
  write(line: string): void;
}

/** Sends every event to each logger in turn. */
export function teeLogger(loggers: readonly Logger[]): Logger {
  const each = (level: keyof Logger) => (msg: string, fields?: Record<string, unknown>) => {
    for (const l of loggers) l[level](msg, fields);
  };
  return { debug: each("debug"), info: each("info"), warn: each("warn"), error: each("error") };
}

/**
 * Builds the server's logger from LOG_LEVEL, LOG_FORMAT and LOG_FILE: readable lines on a
 * terminal, JSON lines on a pipe or with LOG_FORMAT=json; LOG_FILE gets the same events appended
 * (JSON unless LOG_FORMAT=pretty), written synchronously so the lines before a crash are kept.
 */
export function createServerLog(
  config: Pick<Config, "logLevel" | "logFormat" | "logFile">,
  out: LogConsole,
): ServerLog {
  const consoleFormat = config.logFormat === "auto"
    ? (out.isTTY ? "pretty" : "json")
    : config.logFormat;
  const loggers = [
    createLogger({
      level: config.logLevel,
      format: consoleFormat,
      write: (line) => out.write(line),
    }),
  ];
  let fd: number | undefined;
  if (config.logFile) {
    try {
      mkdirSync(dirname(config.logFile), { recursive: true });
      fd = openSync(config.logFile, "a", 0o640);
    } catch (error) {
      throw new Error(
        `无法打开日志文件 "${config.logFile}" / cannot open log file "${config.logFile}": ${
          (error as Error).message
        }; make its directory writable or change LOG_FILE`,
      );
    }
    const file = fd;
    const format = config.logFormat === "pretty" ? "pretty" : "json";
    loggers.push(
      createLogger({
        level: config.logLevel,
        format,
        write: (line) => writeSync(file, `${line}\n`),
      }),
    );
  }
  return {
    log: loggers.length === 1 ? loggers[0] : teeLogger(loggers),
    consoleFormat,
    close() {
      if (fd !== undefined) closeSync(fd);
      fd = undefined;
    },
  };
}
