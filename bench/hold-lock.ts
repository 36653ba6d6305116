// Another program holding the database's write lock: BEGIN IMMEDIATE, a write, then sleep.
// Usage: node bench/hold-lock.ts DB_PATH HOLD_MS
import { openDatabase } from "../lib/db/db.ts";

const [path, hold] = process.argv.slice(2);
const db = await openDatabase({ url: `file:${path}`, kind: "file", path }, { readers: 0 });
await db.transaction(async (tx) => {
  await tx.execute("UPDATE wells SET remarks = remarks WHERE 0");
  await tx.execute(
    "INSERT INTO record_history (table_name, record_id, action, changed_by) VALUES ('bench', 'lock', 'lock', 'bench')",
  );
  console.log("locked");
  // Blocks this whole process, as another program holding the lock would.
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, Number(hold));
  throw new Error("rolled back on purpose");
}).catch(() => {});
db.close();
