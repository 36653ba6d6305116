import { test } from "node:test";
import assert from "node:assert/strict";
import { MAX_RESULT_BYTES, resultTooLarge } from "../../lib/call/limits.ts";

const answer = (text: string) => ({ structured: {}, text });

test("resultTooLarge measures UTF-8 bytes, whether or not the length bound settles it", () => {
  assert.equal(
    resultTooLarge("t", answer("a".repeat(1000))),
    null,
    "small: settled by the length bound",
  );
  assert.equal(
    resultTooLarge("t", answer("a".repeat(MAX_RESULT_BYTES - 100))),
    null,
    "ASCII under the limit in bytes, over it ×3: measured, fits",
  );
  const chinese = "井".repeat(Math.ceil(MAX_RESULT_BYTES / 3) + 10);
  assert.match(
    resultTooLarge("t", answer(chinese)) ?? "",
    /^工具 "t" 的结果过大：约 \d+ 字节/,
    "3 bytes per character: over the limit",
  );
  assert.match(resultTooLarge("t", answer("a".repeat(MAX_RESULT_BYTES + 1))) ?? "", /too large/);
});
