import { test } from "node:test";
import assert from "node:assert/strict";
import { createProgress } from "../../lib/import/progress.ts";

test("plain progress writes a line at each further 10% and none twice", () => {
  const lines: string[] = [];
  let clock = 0;
  const p = createProgress({ write: (s) => lines.push(s), tty: false, now: () => clock });
  p.start(1000);
  for (const done of [50, 100, 150, 500, 1000]) (clock += 1000, p.update(done));
  p.finish();
  assert.deepEqual(lines.map((l) => l.match(/(\d+)%/)?.[1]), ["5", "10", "50", "100"]);
  assert.equal(
    lines.at(-1),
    "导入进度 import progress 100%: 1000/1000 行 rows, 200 行/秒 rows/s, 剩余 ETA 0 s\n",
  );
});

test("on a terminal one line is redrawn with a bar, rate and ETA", () => {
  const out: string[] = [];
  let clock = 0;
  const p = createProgress({ write: (s) => out.push(s), tty: true, now: () => clock, width: 10 });
  p.start(400);
  clock = 1000;
  p.update(100);
  clock = 1050;
  p.update(120); // within 100 ms of the last draw: skipped
  p.finish();
  assert.deepEqual(out, [
    "\r[###.......]  25% 100/400 行 rows, 100 行/秒 rows/s, 剩余 ETA 3 s",
    "\r[###.......]  30% 120/400 行 rows, 114 行/秒 rows/s, 剩余 ETA 3 s",
    "\n",
  ]);
});
