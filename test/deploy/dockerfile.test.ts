import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import {
  chmodSync,
  chownSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import process from "node:process";
import { parseDockerfile } from "../helpers/dockerfile.ts";
import { imageDirs, imagePath, runStage } from "../helpers/docker-stage.ts";
import type { StageResult } from "../helpers/docker-stage.ts";
import { driveServer } from "../helpers/drive.ts";
import { spawnServer } from "../helpers/spawn-server.ts";

const stages = parseDockerfile(readFileSync("Dockerfile.mcp", "utf8"));
const byName = (name: string) =>
  stages.find((s) => s.name === name) ?? assert.fail(`Dockerfile.mcp has no stage "${name}"`);

/** Checks the settings every runtime stage must have. */
function assertRuntimeSettings(result: StageResult): void {
  assert.ok(
    result.user && !/^(root|0)(:|$)/.test(result.user),
    `USER "${result.user}" is not root`,
  );
  assert.deepEqual(result.volumes, ["/data"]);
  assert.deepEqual(result.expose, ["8080"]);
  assert.equal(result.env.DATABASE_URL, "file:/data/oilfield.db");
  assert.equal(result.env.PORT, "8080");
  assert.equal(
    result.env.SEED_DEMO_DATA,
    "false",
    "a production image starts on an empty database (issue 17 item 9)",
  );
  assert.ok(result.healthcheck?.length, "a HEALTHCHECK in exec form");
  assert.ok(result.cmd?.length, "a CMD in exec form");
}

/** Starts the stage's CMD as its USER would (when root), on a free port, and drives it. */
async function startAndDrive(
  result: StageResult,
  extraEnv: Record<string, string> = {},
): Promise<void> {
  const [uid, gid] = (result.user ?? "").split(":").map(Number);
  const asUser = process.getuid?.() === 0 && Number.isInteger(uid)
    ? { uid, gid: Number.isInteger(gid) ? gid : uid }
    : {};
  const env = Object.fromEntries(Object.entries(result.env).map(([k, v]) => [k, result.map(v)]));
  // As `docker run -e PORT=… -e HOST=…` would: a free port on loopback for the test.
  // The image starts empty (SEED_DEMO_DATA=false); this drive is a trial run, as `docker run -e SEED_DEMO_DATA=true`.
  Object.assign(
    env,
    { PATH: imagePath(), PORT: "0", HOST: "127.0.0.1", SEED_DEMO_DATA: "true" },
    extraEnv,
  );
  const [command, ...args] = result.cmd!.map(result.map);
  const server = await spawnServer(command, args, { cwd: result.workdir, env, ...asUser });
  const health = () => {
    const [hc, ...hcArgs] = result.healthcheck!.map(result.map);
    return spawnSync(hc, hcArgs, {
      env: { ...env, PORT: String(server.port) },
      encoding: "utf8",
      timeout: 10000,
    }).status;
  };
  try {
    await driveServer(server.url);
    assert.equal(health(), 0, "HEALTHCHECK passes while the server runs");
    const db = result.map("/data/oilfield.db");
    assert.ok(existsSync(db), `the database lives on the /data volume (${db})`);
    if ("uid" in asUser) {
      assert.equal(statSync(db).uid, asUser.uid, "written by the image's non-root user");
    }
  } finally {
    await server.stop();
  }
  assert.notEqual(health(), 0, "HEALTHCHECK fails once the server is gone");
}

test("bases: Node 24 slim for build and bundle, distroless with libc for the binary, which is the default (last) stage", () => {
  const bundle = byName("bundle");
  assert.match(bundle.base, /^node:24[\w.-]*-slim$/);
  assert.equal(byName("build").base, bundle.base);
  assert.match(byName("binary").base, /^gcr\.io\/distroless\/cc-debian12:nonroot$/);
  assert.equal(stages.at(-1)!.name, "binary");
});

test("Dockerfile.mcp's stages, run as plain commands, give a bundle image and a one-binary image that serve", async () => {
  const work = mkdtempSync(join(tmpdir(), "oilfield-docker-"));
  chmodSync(work, 0o755);
  try {
    const results = new Map<string, StageResult>();
    const options = { work, context: process.cwd(), dirs: imageDirs(stages), stages: results };
    runStage(byName("build"), options);
    const bundle = runStage(byName("bundle"), options);
    assertRuntimeSettings(bundle);
    assert.deepEqual(
      readdirSync(bundle.map("/app")),
      ["oilfield-mcp.mjs"],
      "the bundle image holds one file",
    );
    await startAndDrive(bundle);

    const binary = runStage(byName("binary"), options);
    assertRuntimeSettings(binary);
    assert.deepEqual(
      readdirSync(binary.root).sort(),
      ["data", "oilfield-mcp"],
      "the binary image holds the binary and the empty volume only",
    );
    assert.deepEqual(binary.healthcheck, ["/oilfield-mcp", "--healthcheck"]);
    // distroless has no node and no shell; the nonroot user's HOME keeps the addon cache.
    const home = join(work, "home-nonroot");
    mkdirSync(home);
    if (process.getuid?.() === 0) chownSync(home, 65532, 65532);
    const emptyPath = join(work, "empty-path");
    mkdirSync(emptyPath);
    await startAndDrive(binary, { PATH: emptyPath, HOME: home });
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
});
