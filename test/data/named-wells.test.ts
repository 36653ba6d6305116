import { test } from "node:test";
import assert from "node:assert/strict";
import { namedWells } from "../../lib/data/named-wells.ts";

test("namedWells lists well_id first, then well_ids as given (duplicates kept); an empty well_id names none", () => {
  assert.deepEqual(namedWells({ well_id: "W002", well_ids: ["W001", "W002"] }), [
    "W002",
    "W001",
    "W002",
  ]);
  assert.deepEqual(namedWells({ well_id: "", well_ids: ["W001"] }), ["W001"]);
  assert.deepEqual(namedWells({}), []);
});
