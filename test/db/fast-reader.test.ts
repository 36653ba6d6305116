import { test } from "node:test";
import assert from "node:assert/strict";
import { openDatabase, openFastReader } from "../../lib/db/db.ts";
import { tempDbLocation } from "../helpers/temp-db.ts";

// The database threads read plain SELECTs through openFastReader instead of the client: its rows
// must be the client's, and what it does not take must be left to the client (undefined).

test("the fast reader answers a SELECT exactly as the client does, and leaves the rest to it", async () => {
  const tmp = await tempDbLocation();
  const { location } = tmp;
  const client = await openDatabase(location, { readers: 0 });
  const fast = await openFastReader(location);
  try {
    await client.execute(
      "CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT, depth REAL, note TEXT, big INTEGER, data BLOB)",
    );
    await client.execute(
      "INSERT INTO t (name, depth, note, big) VALUES ('石南1', 1234.5, NULL, 7), ('石南2', 0, 'x', -3)",
    );
    const cases: [string, (string | number | null)[]][] = [
      ["SELECT * FROM t ORDER BY id", []],
      ["SELECT id, name, depth, note, big FROM t WHERE name = ? AND id > ?", ["石南2", 0]],
      ["SELECT name AS a, depth AS a, id FROM t", []], // two columns of one name: the last wins, in the first one's place
      ["SELECT count(*) AS n, max(depth) AS d FROM t", []],
      ["SELECT * FROM t WHERE id = ?", [99]],
    ];
    for (const [sql, args] of cases) {
      const mine = fast.read(sql, args);
      assert.ok(mine, `taken: ${sql}`);
      const theirs = await client.execute(sql, args);
      assert.deepEqual(mine.rows, theirs.rows.map((r) => ({ ...r })), sql);
      assert.deepEqual(
        mine.rows.map((r) => Object.keys(r)),
        theirs.rows.map((r) => Object.keys(r)),
        `column order: ${sql}`,
      );
    }
    // Twice: the second time from the kept statement, with new arguments.
    assert.deepEqual(fast.read("SELECT name FROM t WHERE id = ?", [1])?.rows, [{ name: "石南1" }]);
    assert.deepEqual(fast.read("SELECT name FROM t WHERE id = ?", [2])?.rows, [{ name: "石南2" }]);

    assert.equal(
      fast.read("INSERT INTO t (name) VALUES ('a')", []),
      undefined,
      "a write is the client's",
    );
    assert.equal(
      fast.read("SELECT * FROM t WHERE name = :n", { n: "a" }),
      undefined,
      "named arguments are the client's",
    );
    assert.equal(
      fast.read("SELECT * FROM t WHERE id = ?", [true]),
      undefined,
      "a boolean argument is the client's",
    );
    assert.equal(
      fast.read("SELECT * FROM no_such_table", []),
      undefined,
      "an error is left to the client, which reports it",
    );
    await assert.rejects(client.execute("SELECT * FROM no_such_table"), /no such table/);
    await client.execute("UPDATE t SET data = x'0102', big = 9007199254740993 WHERE id = 1");
    assert.equal(
      fast.read("SELECT data FROM t WHERE id = 1", []),
      undefined,
      "a blob is the client's (an ArrayBuffer)",
    );
    assert.equal(
      fast.read("SELECT big FROM t WHERE id = 1", []),
      undefined,
      "an integer past 2^53 is the client's (its RangeError)",
    );
    assert.deepEqual(
      fast.read("SELECT big FROM t WHERE id = 2", [])?.rows,
      [{ big: -3 }],
      "it reads again after an error",
    );
  } finally {
    fast.close();
    client.close();
    await tmp.remove();
  }
});
