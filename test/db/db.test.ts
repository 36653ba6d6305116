import { test } from "node:test";
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { callTool } from "../../lib/call/call.ts";
import { openDatabase } from "../../lib/db/db.ts";
import { createLogger } from "../../lib/observability/log.ts";
import { migrate } from "../../lib/db/migrations/index.ts";
import { resolveRole } from "../../lib/permissions.ts";
import { createToolRegistry } from "../../lib/mcp/registry.ts";
import { seedDemoData } from "../../lib/seed/index.ts";
import { TOOLS } from "../../lib/tools/index.ts";
import { runTs } from "../helpers/spawn-server.ts";

const FIELDS: Record<string, number> = {
  depth_m: 1234.5,
  footage_m: 55,
  wob_kn: 80,
  rop_m_h: 12.5,
  pump_pressure_mpa: 20,
  flow_rate_l_s: 30,
  mud_density_g_cm3: 1.25,
  mud_viscosity_s: 45,
  rpm: 90,
  torque_kn_m: 12,
  drilling_hours_h: 18,
  npt_h: 2,
};

async function seededFile() {
  const dir = await mkdtemp(join(tmpdir(), "oilfield-conc-"));
  const path = join(dir, "c.db");
  const db = await openDatabase({ url: `file:${path}`, kind: "file", path });
  await migrate(db);
  await seedDemoData(db);
  return { dir, path, db };
}

function runWorker(path: string, updates: unknown[], who: string): Promise<string[]> {
  const { command, args: base } = runTs("test/helpers/update-worker.ts");
  const args = [...base, path, JSON.stringify(updates), who];
  return new Promise((resolve, reject) =>
    execFile(
      command,
      args,
      { env: { ...process.env, NO_COLOR: "1" } },
      (error, stdout, stderr) =>
        error
          ? reject(new Error(`${error.message}\n${stderr}`))
          : resolve(JSON.parse(stdout.trim().split("\n").at(-1) ?? "[]")),
    )
  );
}

test("parallel updates through one Db (one process) all land, each seeing the previous one", async () => {
  const { dir, db } = await seededFile();
  try {
    const deps = {
      db,
      tools: createToolRegistry(TOOLS),
      log: createLogger({ level: "error", write: () => {} }),
    };
    const user = {
      id: "u1",
      email: "e@example.com",
      name: "",
      role: resolveRole("ENGINEER", new Map()),
    };
    const updates = [
      ...Object.entries(FIELDS).map(([f, v]) => ({ record_id: 50, [f]: v })),
      ...Array.from({ length: 40 }, (_, i) => ({ record_id: 60 + i, main_work: `edit ${i}` })),
    ];
    const outcomes = await Promise.all(
      updates.map((args) => callTool(deps, user, "update_drilling_record", args, "test")),
    );
    assert.deepEqual(outcomes.filter((o) => o.outcome !== "ok"), []);
    const row = (await db.execute("SELECT * FROM drilling_daily WHERE id = 50")).rows[0];
    for (const [field, value] of Object.entries(FIELDS)) assert.equal(row[field], value, field);
    for (let i = 0; i < 40; i++) {
      assert.equal(
        (await db.execute("SELECT main_work FROM drilling_daily WHERE id = ?", [60 + i])).rows[0]
          .main_work,
        `edit ${i}`,
      );
    }
    const history = (await db.execute(
      "SELECT before_json, after_json FROM record_history WHERE record_id = '50' ORDER BY id",
    )).rows;
    assert.equal(history.length, Object.keys(FIELDS).length);
    for (let i = 1; i < history.length; i++) {
      assert.equal(history[i].before_json, history[i - 1].after_json);
    }
  } finally {
    db.close();
    await rm(dir, { recursive: true, force: true });
  }
});

test("parallel updates from 4 processes on one file: every update is present", async () => {
  const { dir, path, db } = await seededFile();
  try {
    const fields = Object.entries(FIELDS);
    // Each process edits the shared record 200 (three fields each) and 15 records of its own, all at once.
    const plans = [0, 1, 2, 3].map((w) => [
      ...fields.slice(w * 3, w * 3 + 3).map(([f, v]) => ({ record_id: 200, [f]: v })),
      ...Array.from(
        { length: 15 },
        (_, i) => ({ record_id: 300 + w * 15 + i, main_work: `worker ${w} edit ${i}` }),
      ),
    ]);
    const results = await Promise.all(plans.map((updates, w) => runWorker(path, updates, `w${w}`)));
    for (const outcomes of results) assert.deepEqual(outcomes.filter((o) => o !== "ok"), []);
    const row = (await db.execute("SELECT * FROM drilling_daily WHERE id = 200")).rows[0];
    for (const [field, value] of fields) {
      assert.equal(row[field], value, `${field} of the shared record`);
    }
    for (let w = 0; w < 4; w++) {
      for (let i = 0; i < 15; i++) {
        const r = (await db.execute("SELECT main_work FROM drilling_daily WHERE id = ?", [
          300 + w * 15 + i,
        ])).rows[0];
        assert.equal(r.main_work, `worker ${w} edit ${i}`);
      }
    }
    const history = (await db.execute(
      "SELECT before_json, after_json FROM record_history WHERE record_id = '200' ORDER BY id",
    )).rows;
    assert.equal(history.length, fields.length);
    for (let i = 1; i < history.length; i++) {
      assert.equal(
        history[i].before_json,
        history[i - 1].after_json,
        "no update worked from a stale row",
      );
    }
    assert.equal(
      (await db.execute("SELECT count(*) AS n FROM audit_log WHERE outcome = 'ok'")).rows[0].n,
      4 * 18,
    );
  } finally {
    db.close();
    await rm(dir, { recursive: true, force: true });
  }
});
