/**
 * A program that closes its threaded database while reader threads are still opening the file
 * (the readers start together, the first read takes one of them), at a different moment each round, then ends:
 * the test runs it in its own process, since a thread terminated inside the driver's native call
 * aborts the whole process.
 * Usage: close-while-opening.ts <database file>
 * @module
 */
import process from "node:process";
import { openDatabase } from "../../lib/db/db.ts";

const path = process.argv.at(-1) as string;
const outcomes: string[] = [];
for (let round = 0; round < 24; round++) {
  const db = await openDatabase({ url: `file:${path}`, kind: "file", path }, { readers: 3 });
  // The first read goes to the idle writer; the second, the writer being busy, starts the readers.
  const reads = [db.execute("SELECT 1 AS n"), db.execute("SELECT 2 AS n")];
  // Closed at a different moment of the readers' start each round.
  await new Promise((resolve) => setTimeout(resolve, round * 12));
  db.close();
  for (const read of reads) {
    outcomes.push(await read.then(() => "answered", (error: Error) => `refused: ${error.message}`));
  }
}
console.log(JSON.stringify({ outcomes }));
