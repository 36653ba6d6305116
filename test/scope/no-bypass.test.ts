import { test } from "node:test";
import assert from "node:assert/strict";
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";

// A schema-qualified name (main.wells, temp.x) is the one way SQL can read around the scope's
// CTEs; only the scope itself and the migrations may write one.
test("no code outside lib/scope and lib/db/migrations names a table through its schema", async () => {
  const root = join(import.meta.dirname ?? new URL(".", import.meta.url).pathname, "../../lib");
  const files = (await readdir(root, { recursive: true })).filter((f) =>
    f.endsWith(".ts") && !/^(scope|db[\\/]migrations)[\\/]/.test(f)
  );
  assert.ok(files.length > 50);
  const offenders: string[] = [];
  for (const f of files) {
    const text = await readFile(join(root, f), "utf8");
    for (const m of text.matchAll(/\b(main|temp)\.[a-z_]+\b/g)) {
      if (!/\.(ts|js)$/.test(m[0])) offenders.push(`${f}: ${m[0]}`);
    }
  }
  assert.deepEqual(offenders, []);
});
