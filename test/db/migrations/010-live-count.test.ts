import { test } from "node:test";
import assert from "node:assert/strict";
import { migrate, MIGRATIONS } from "../../../lib/db/migrations/index.ts";
import { openTempDb } from "../../helpers/temp-db.ts";

test("migration 010 counts the stored live reports, and its triggers follow every insert, delete and change of deleted_at", async () => {
  const { db, close } = await openTempDb({ migrated: false });
  const live = async () =>
    Number((await db.execute("SELECT n FROM live_counts WHERE name = 'drilling_daily'")).rows[0].n);
  const counted = async () =>
    Number(
      (await db.execute("SELECT count(*) AS n FROM drilling_daily WHERE deleted_at IS NULL"))
        .rows[0].n,
    );
  const agrees = async (expected: number, step: string) => {
    assert.equal(await counted(), expected, `${step}: the fixture`);
    assert.equal(await live(), expected, step);
  };
  try {
    await migrate(db, MIGRATIONS.filter((m) => m.version < 10));
    await db.execute("INSERT INTO wells (well_id, name) VALUES ('L1', 'L1')");
    const add = (date: string, deleted: string | null = null) =>
      db.execute(
        "INSERT INTO drilling_daily (well_id, report_date, deleted_at) VALUES ('L1', ?, ?)",
        [date, deleted],
      );
    for (const d of ["2026-01-01", "2026-01-02", "2026-01-03"]) await add(d);
    await add("2026-01-04", "2026-02-01T00:00:00Z");
    assert.deepEqual(await migrate(db), [10]);
    await agrees(3, "backfilled: the deleted report not counted");
    await add("2026-01-05");
    await agrees(4, "insert");
    await add("2026-01-06", "2026-02-01T00:00:00Z");
    await agrees(4, "insert of a deleted report");
    // Each statement, and how many live reports it leaves.
    const steps: readonly (readonly [string, number, string])[] = [
      [
        "UPDATE drilling_daily SET deleted_at = '2026-03-01T00:00:00Z' WHERE report_date = '2026-01-01'",
        3,
        "soft delete",
      ],
      [
        "UPDATE drilling_daily SET deleted_at = '2026-03-02T00:00:00Z' WHERE report_date = '2026-01-01'",
        3,
        "a deleted report's stamp changed",
      ],
      ["UPDATE drilling_daily SET depth_m = 10 WHERE well_id = 'L1'", 3, "other columns changed"],
      [
        "UPDATE drilling_daily SET deleted_at = NULL WHERE report_date IN ('2026-01-01', '2026-01-04')",
        5,
        "restore",
      ],
      [
        "DELETE FROM drilling_daily WHERE report_date IN ('2026-01-02', '2026-01-06')",
        4,
        "purge of a live and a deleted report",
      ],
    ];
    for (const [sql, expected, step] of steps) {
      await db.execute(sql);
      await agrees(expected, step);
    }
    await db.transaction(async (tx) => {
      await tx.execute(
        "INSERT INTO drilling_daily (well_id, report_date) VALUES ('L1', '2026-01-07')",
      );
      throw new Error("rolled back");
    }).catch(() => undefined);
    await agrees(4, "a rolled-back insert");
  } finally {
    await close();
  }
});
