/**
 * A program that closes its threaded database while a long statement runs in a database thread,
 * then reports how it went: the test runs it in its own process, since a thread terminated inside
 * the driver's native call aborts the whole process.
 * Usage: close-mid-statement.ts <database file>
 * @module
 */
import process from "node:process";
import { openDatabase } from "../../lib/db/db.ts";

const path = process.argv.at(-1) as string;
const db = await openDatabase({ url: `file:${path}`, kind: "file", path }, { readers: 1 });
// About a second of work inside the driver.
const long = db.execute(
  "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 3000000) SELECT count(*) AS n FROM c",
);
const outcome = long.then(() => "answered", (error: Error) => `refused: ${error.message}`);
await new Promise((resolve) => setTimeout(resolve, 200));
db.close();
console.log(JSON.stringify({ outcome: await outcome }));
