import { spawnSync } from "node:child_process";
import {
  chmodSync,
  chownSync,
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  statSync,
  symlinkSync,
} from "node:fs";
import { delimiter, dirname, isAbsolute, join, relative, resolve } from "node:path";
import { nodeExecutable } from "./executables.ts";
import process from "node:process";
import { envPairs } from "./dockerfile.ts";
import type { Stage } from "./dockerfile.ts";

/** What running a stage's instructions left behind: its file tree and image settings. */
export interface StageResult {
  readonly root: string;
  readonly workdir: string;
  readonly env: Record<string, string>;
  readonly user?: string;
  readonly volumes: string[];
  readonly expose: string[];
  readonly healthcheck?: string[];
  readonly cmd?: string[];
  /** Maps an image path (`/data/x`, `file:/data/x`) onto this stage's directory. */
  map(text: string): string;
}

function chownTree(path: string, uid: number, gid: number): void {
  chownSync(path, uid, gid);
  if (statSync(path).isDirectory()) {
    for (const name of readdirSync(path)) chownTree(join(path, name), uid, gid);
  }
}

/** PATH inside the node:24 images: the Node 24 running the tests (or the project's) comes first, as `node`. */
export function imagePath(): string {
  return [dirname(nodeExecutable()), process.env.PATH ?? ""].join(delimiter);
}

/** Top-level directories the image uses, found in WORKDIR, VOLUME and COPY across all stages. */
export function imageDirs(stages: readonly Stage[]): Set<string> {
  const dirs = new Set<string>();
  for (const ins of stages.flatMap((s) => s.instructions)) {
    if (!["WORKDIR", "VOLUME", "COPY"].includes(ins.keyword)) continue;
    for (const arg of ins.args) if (arg.startsWith("/")) dirs.add(arg.split("/")[1]);
  }
  return dirs;
}

function ignored(context: string): (path: string) => boolean {
  const file = join(context, ".dockerignore");
  const patterns = existsSync(file)
    ? readFileSync(file, "utf8").split("\n").map((l) => l.trim()).filter((l) =>
      l && !l.startsWith("#")
    )
    : [];
  // Docker's rules: relative to the context root (a leading / changes nothing), `*` within one
  // segment, `**/` any number of directories.
  const regexes = patterns.map((p) => {
    const body = p.replace(/^\//, "").replace(/[.+^${}()|[\]\\]/g, "\\$&").replace(
      /\*\*\//g,
      "\u0000",
    ).replace(/\*/g, "[^/]*").replaceAll("\u0000", "(.*/)?");
    return new RegExp(`^${body}(/|$)`);
  });
  return (path) => {
    const rel = relative(context, path);
    return rel !== "" && regexes.some((r) => r.test(rel));
  };
}

/**
 * Runs one stage's instructions as plain commands under `work/<stage>`: image paths are mapped
 * into that directory, COPY reads the context (honouring .dockerignore) or an earlier stage,
 * RUN runs with `sh -c`. One substitution: `RUN npm ci` links the context's node_modules
 * instead of installing again (CI's own `npm ci` already proves the lock installs).
 */
export function runStage(
  stage: Stage,
  options: { work: string; context: string; dirs: Set<string>; stages: Map<string, StageResult> },
): StageResult {
  const root = join(options.work, stage.name);
  mkdirSync(root, { recursive: true });
  chmodSync(root, 0o755);
  const alternation = [...options.dirs].map((d) => d.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join(
    "|",
  );
  const pattern = new RegExp(`(^|[\\s:="'])/(${alternation})(?=/|$|[\\s"'])`, "g");
  const map = (text: string) => (alternation ? text.replace(pattern, `$1${root}/$2`) : text);
  const result = {
    root,
    workdir: root,
    env: {} as Record<string, string>,
    user: undefined as string | undefined,
    volumes: [] as string[],
    expose: [] as string[],
    healthcheck: undefined as string[] | undefined,
    cmd: undefined as string[] | undefined,
    map,
  };
  const isIgnored = ignored(options.context);
  for (const ins of stage.instructions) {
    const at = (p: string) => (isAbsolute(p) ? map(p) : resolve(result.workdir, p));
    switch (ins.keyword) {
      case "WORKDIR":
        result.workdir = at(ins.args[0]);
        mkdirSync(result.workdir, { recursive: true });
        break;
      case "COPY": {
        const sources = ins.args.slice(0, -1);
        const dest = ins.args.at(-1)!;
        const from = ins.flags.from;
        const fromStage = from ? options.stages.get(from) : undefined;
        if (from && !fromStage) {
          throw new Error(`COPY --from="${from}": no earlier stage of that name`);
        }
        const target = at(dest);
        for (const src of sources) {
          const path = fromStage ? fromStage.map(src) : resolve(options.context, src);
          if (!existsSync(path)) {
            throw new Error(`COPY source "${src}" does not exist (looked at ${path})`);
          }
          const intoDir = dest.endsWith("/") || dest === "." || sources.length > 1 || src === ".";
          const out = intoDir && src !== "." ? join(target, src.split("/").at(-1)!) : target;
          mkdirSync(intoDir ? target : resolve(target, ".."), { recursive: true });
          cpSync(path, out, {
            recursive: true,
            filter: (p) => fromStage !== undefined || !isIgnored(p),
          });
          const owner = /^(\d+)(?::(\d+))?$/.exec(ins.flags.chown ?? "");
          if (owner && process.getuid?.() === 0) {
            chownTree(out, Number(owner[1]), Number(owner[2] ?? owner[1]));
          }
        }
        break;
      }
      case "RUN": {
        if (ins.text === "npm ci") {
          symlinkSync(join(options.context, "node_modules"), join(result.workdir, "node_modules"));
          break;
        }
        const run = spawnSync("sh", ["-c", map(ins.text)], {
          cwd: result.workdir,
          env: { PATH: imagePath(), HOME: process.env.HOME ?? "/tmp", ...result.env },
          encoding: "utf8",
        });
        if (run.status !== 0) {
          throw new Error(
            `RUN ${ins.text} failed (${
              run.status ?? run.error?.message
            }):\n${run.stdout}\n${run.stderr}`,
          );
        }
        break;
      }
      case "ENV":
        Object.assign(result.env, envPairs(ins));
        break;
      case "USER":
        result.user = ins.args[0];
        break;
      case "VOLUME":
        result.volumes.push(...ins.args);
        break;
      case "EXPOSE":
        result.expose.push(...ins.args);
        break;
      case "HEALTHCHECK":
        result.healthcheck = ins.args;
        break;
      case "CMD":
        result.cmd = ins.args;
        break;
      default:
        throw new Error(
          `${ins.keyword} is not handled by test/helpers/docker-stage.ts: add it there`,
        );
    }
  }
  options.stages.set(stage.name, result);
  return result;
}
