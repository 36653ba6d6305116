import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { banner } from "../../lib/server/banner.ts";
import { loadConfig } from "../../lib/config/config.ts";
import { openDatabase } from "../../lib/db/db.ts";
import { migrate } from "../../lib/db/migrations/index.ts";
import { baseEnv, runTs } from "../helpers/spawn-server.ts";
import { startTestServer } from "../helpers/server.ts";

// Issue 17 item 9: demo data only ever goes into a brand-new database, the banner says so, and
// `npm run demo:remove` (`--remove-demo-data`) takes it out again without touching real rows.

const fileDb = (path: string) => ({ url: `file:${path}`, kind: "file" as const, path });
const count = async (path: string, sql: string) => {
  const db = await openDatabase(fileDb(path));
  try {
    return Number((await db.execute(sql)).rows[0].n);
  } finally {
    db.close();
  }
};

test("a brand-new file is seeded and the banner says so; an existing database (even without wells) is never seeded", async () => {
  const fresh = await startTestServer();
  try {
    assert.ok(fresh.seeded > 1000, `seeded ${fresh.seeded}`);
    assert.match(
      banner(loadConfig({}), fresh),
      new RegExp(`seeded ${fresh.seeded} demo reports into the new database.*npm run demo:remove`),
    );
  } finally {
    await fresh.close();
  }
  const dir = await mkdtemp(join(tmpdir(), "oilfield-existing-"));
  const path = join(dir, "o.db");
  try {
    const db = await openDatabase(fileDb(path));
    await migrate(db);
    db.close();
    const existing = await startTestServer({
      DATABASE_URL: `file:${path}`,
      SEED_DEMO_DATA: "true",
    });
    try {
      assert.equal(existing.seeded, 0);
      assert.doesNotMatch(banner(loadConfig({}), existing), /Demo data/);
      assert.ok(
        existing.logs.some((l) =>
          l.msg === "demo data not seeded: the database existed before this start"
        ),
        JSON.stringify(existing.logs),
      );
    } finally {
      await existing.close();
    }
    assert.equal(await count(path, "SELECT count(*) AS n FROM wells"), 0);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test("--remove-demo-data (npm run demo:remove) deletes the demo rows and wells, keeping real rows and the wells they use", async () => {
  const dir = await mkdtemp(join(tmpdir(), "oilfield-demo-rm-"));
  const path = join(dir, "o.db");
  try {
    const seeded = await startTestServer({ DATABASE_URL: `file:${path}` });
    const wells = (await seeded.db.execute("SELECT well_id FROM wells ORDER BY well_id")).rows.map((
      r,
    ) => String(r.well_id));
    const real = wells[0];
    await seeded.db.execute(
      "INSERT INTO drilling_daily (well_id, report_date, main_work, created_by) VALUES (?, '2026-11-25', '真实日报 real report', 'wang@example.com')",
      [real],
    );
    const demoRows = Number(
      (await seeded.db.execute(
        "SELECT count(*) AS n FROM drilling_daily WHERE created_by = 'demo-seed'",
      )).rows[0].n,
    );
    await seeded.close().catch(() => {});
    const { command, args } = runTs("bin.ts");
    const run = spawnSync(command, [...args, "--remove-demo-data"], {
      env: baseEnv({ DATABASE_URL: `file:${path}` }),
      encoding: "utf8",
      timeout: 60_000,
    });
    assert.equal(run.status, 0, run.stderr);
    const scripts = JSON.parse(readFileSync("package.json", "utf8")).scripts;
    assert.match(
      scripts["demo:remove"],
      /bin\.ts --remove-demo-data$/,
      "the README's npm run demo:remove runs this",
    );
    assert.match(
      run.stdout,
      new RegExp(
        `removed the demo data from "file:${path}": drilling_daily ${demoRows},.* wells ${
          wells.length - 1
        }`,
      ),
    );
    assert.equal(
      await count(path, "SELECT count(*) AS n FROM drilling_daily WHERE created_by = 'demo-seed'"),
      0,
    );
    assert.equal(
      await count(path, "SELECT count(*) AS n FROM drilling_daily"),
      1,
      "the real report stays",
    );
    assert.equal(
      await count(path, "SELECT count(*) AS n FROM wells"),
      1,
      "the well the real report uses stays",
    );
    assert.equal(await count(path, "SELECT count(*) AS n FROM key_well_daily"), 0);
    const again = spawnSync(command, [...args, "--remove-demo-data"], {
      env: baseEnv({ DATABASE_URL: `file:${path}` }),
      encoding: "utf8",
      timeout: 60_000,
    });
    assert.match(again.stdout, /drilling_daily 0,/);
    const missing = spawnSync(command, [...args, "--remove-demo-data"], {
      env: baseEnv({ DATABASE_URL: `file:${join(dir, "nope", "o.db")}` }),
      encoding: "utf8",
      timeout: 60_000,
    });
    assert.equal(missing.status, 1);
    assert.match(missing.stderr, /does not exist/);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
