// The checks `npm test` starts with: `tsc --noEmit` over main.ts, lib/, test/ and bench/ with the
// project's tsconfig.json, `deno check` of the entry points Deno runs (main.ts, the Deno Deploy
// entry), then the formatter (`deno fmt --check`) and the linter (`deno lint`). Exits non-zero on the first error; prints how long each step took.
// Usage: node scripts/typecheck.mjs   (npm run typecheck)
import { spawnSync } from "node:child_process";

const steps = [
  ["chart assets", process.execPath, ["scripts/gen-chart-assets.mjs"]],
  ["tsc --noEmit", "node_modules/.bin/tsc", ["--noEmit", "-p", "tsconfig.json"]],
  ["deno check", "node_modules/.bin/deno", ["check", "main.ts", "deploy/deno-deploy.ts"]],
  // The formatter and the linter read deno.json (lineWidth 100); `npm run fmt` rewrites what fmt --check finds.
  ["deno fmt --check", "node_modules/.bin/deno", ["fmt", "--check"]],
  ["deno lint", "node_modules/.bin/deno", ["lint"]],
];

for (const [label, cmd, args] of steps) {
  const started = performance.now();
  const result = spawnSync(cmd, args, { stdio: "inherit", env: { ...process.env, NO_COLOR: "1" } });
  if (result.error) throw result.error;
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  if (result.status !== 0) {
    console.error(`typecheck: ${label} failed (${seconds} s)`);
    process.exit(result.status ?? 1);
  }
  console.log(`typecheck: ${label} passed (${seconds} s)`);
}
