/** One instruction of a Dockerfile: its keyword, flags (`--from=build`) and arguments. */
export interface Instruction {
  readonly keyword: string;
  readonly flags: Record<string, string>;
  /** Exec-form (JSON array) arguments, or the shell-form text split on whitespace. */
  readonly args: string[];
  /** The text after the keyword and flags, as written (shell form). */
  readonly text: string;
  /** Whether the arguments were written as a JSON array. */
  readonly exec: boolean;
}

/** A build stage: `FROM base AS name` and what follows it. */
export interface Stage {
  readonly name: string;
  readonly base: string;
  readonly instructions: Instruction[];
}

function parseInstruction(line: string): Instruction {
  const [, keyword, rest] = /^(\S+)\s*([\s\S]*)$/.exec(line.trim())!;
  let text = rest.trim();
  const flags: Record<string, string> = {};
  for (
    let m = /^--([a-z-]+)(?:=(\S+))?\s+/.exec(text);
    m;
    m = /^--([a-z-]+)(?:=(\S+))?\s+/.exec(text)
  ) {
    flags[m[1]] = m[2] ?? "";
    text = text.slice(m[0].length);
  }
  // HEALTHCHECK options precede its own CMD: keep them as flags and the command as arguments.
  if (keyword.toUpperCase() === "HEALTHCHECK" && text.startsWith("CMD ")) {
    text = text.slice(4).trim();
  }
  const exec = text.startsWith("[");
  const args = exec ? (JSON.parse(text) as string[]) : text.split(/\s+/).filter(Boolean);
  return { keyword: keyword.toUpperCase(), flags, args, text, exec };
}

/** Parses a Dockerfile into stages (comments dropped, `\` continuations joined). */
export function parseDockerfile(source: string): Stage[] {
  const logical: string[] = [];
  let pending = "";
  for (const raw of source.split("\n")) {
    if (/^\s*#/.test(raw) && !pending) continue;
    if (/^\s*#/.test(raw)) continue;
    const line = raw.replace(/\s+$/, "");
    if (line.endsWith("\\")) {
      pending += line.slice(0, -1) + " ";
      continue;
    }
    const full = (pending + line).trim();
    pending = "";
    if (full) logical.push(full);
  }
  const stages: Stage[] = [];
  for (const line of logical) {
    const ins = parseInstruction(line);
    if (ins.keyword === "FROM") {
      const [base, as, name] = ins.args;
      stages.push({
        base,
        name: as?.toUpperCase() === "AS" ? name : String(stages.length),
        instructions: [],
      });
    } else {
      if (!stages.length) throw new Error(`instruction before FROM: "${line}"`);
      stages.at(-1)!.instructions.push(ins);
    }
  }
  return stages;
}

/** The `KEY=value` pairs of an ENV instruction (double quotes allowed around a value). */
export function envPairs(ins: Instruction): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of ins.text.matchAll(/([A-Za-z_][A-Za-z0-9_]*)=("(?:[^"\\]|\\.)*"|\S*)/g)) {
    out[m[1]] = m[2].startsWith('"') ? JSON.parse(m[2]) : m[2];
  }
  return out;
}
