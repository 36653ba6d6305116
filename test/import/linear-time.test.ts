import { test } from "node:test";
import { dateFromText } from "../../lib/import/parse-date.ts";
import { flagFromText, numberFromText } from "../../lib/import/parse-number.ts";
import { columnFinder } from "../../lib/import/header-names.ts";
import { DRILLING_DAILY } from "../../lib/schema/drilling-daily.ts";
import { assertLinear } from "../helpers/adversarial-text.ts";

// An imported cell is as long as the file lets it be: 32,767 characters in Excel, a whole
// line of a CSV. Each parser sees the raw cell before any length check.
const CELL = [4096, 32_767];

test("cell parsers (dates, numbers, flags) are linear in the cell's length", () => {
  assertLinear("dateFromText", dateFromText, CELL);
  assertLinear("numberFromText", numberFromText, CELL);
  assertLinear("flagFromText", flagFromText, CELL);
});

test("reading a header cell is linear, however many brackets it holds", () => {
  assertLinear("columnFinder", columnFinder(DRILLING_DAILY), [32_767, 131_072]);
});
