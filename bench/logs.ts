import { readFileSync } from "node:fs";

/** One tool-call log line of the server (LOG_LEVEL=info, JSON format). */
export interface ToolLogLine {
  readonly tool: string;
  readonly outcome: string;
  readonly transport: string;
  /** Time inside the call pipeline (permission, validation, the tool, the database), ms. */
  readonly ms: number;
}

/** The tool-call lines of a server log file, skipping the first `fromByte` bytes. */
export function toolLogLines(file: string, fromByte = 0): ToolLogLine[] {
  const text = readFileSync(file).subarray(fromByte).toString("utf8");
  const out: ToolLogLine[] = [];
  for (const line of text.split("\n")) {
    if (!line.startsWith("{") || !line.includes('"outcome"')) continue;
    try {
      const o = JSON.parse(line) as Record<string, unknown>;
      if (typeof o.tool === "string" && typeof o.ms === "number") {
        out.push({
          tool: o.tool,
          outcome: String(o.outcome),
          transport: String(o.transport),
          ms: o.ms,
        });
      }
    } catch {
      // a line cut by a crash is not a call
    }
  }
  return out;
}
