import { test } from "node:test";
import assert from "node:assert/strict";
import { setImmediate } from "node:timers";
import { turnBatcher } from "../../lib/db/turn-batch.ts";

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

test("turnBatcher posts one turn's messages as one batch, in order, and a lone message as itself", async () => {
  const posted: (number | number[])[] = [];
  const send = turnBatcher<number>((message) => posted.push(message));
  send(1);
  send(2);
  send(3);
  assert.deepEqual(posted, [], "nothing is posted before the turn ends");
  await nextTurn();
  assert.deepEqual(posted, [[1, 2, 3]]);
  send(4);
  await nextTurn();
  assert.deepEqual(posted, [[1, 2, 3], 4]);
  await nextTurn();
  assert.equal(posted.length, 2, "an empty turn posts nothing");
});
