import { test } from "node:test";
import assert from "node:assert/strict";
import {
  ambiguousWellMessage,
  normalizeWellId,
  resolveWellId,
  wellNotFoundMessage,
} from "../../lib/words/well-id.ts";
import type { WellLookup } from "../../lib/words/well-id.ts";
import { createMemoryWellLookup } from "../helpers/memory-well-lookup.ts";

const WELLS = [
  "乐探1",
  "石南201",
  "石南2011",
  "中102",
  "W001",
  "W002",
  "莫116",
  "莫11",
  { id: "彩南H5", names: ["彩H5"] },
];

test("normalizeWellId", () => {
  const cases: [string, string][] = [
    [" 石南201 ", "石南201"],
    ["ｗ００１", "W001"],
    ["w001井", "W001"],
    ["１０２井", "102"],
    ["石南 201 井号", "石南201"],
    ["\u3000中１０２\t", "中102"],
    ["莫11", "莫11"],
    ["井", ""],
  ];
  for (const [input, key] of cases) assert.equal(normalizeWellId(input), key, input);
});

type Expect = { kind: string; wellId?: string; candidates?: string[] };
const CASES: [string, Expect][] = [
  ["石南201", { kind: "exact", wellId: "石南201" }],
  [" 石南201 ", { kind: "normalized", wellId: "石南201" }],
  ["ｗ００１", { kind: "normalized", wellId: "W001" }],
  ["w001井", { kind: "normalized", wellId: "W001" }],
  ["W001", { kind: "exact", wellId: "W001" }],
  ["莫11", { kind: "exact", wellId: "莫11" }], // exact beats the prefix match 莫116
  ["莫116井", { kind: "normalized", wellId: "莫116" }],
  ["乐探", { kind: "prefix", wellId: "乐探1" }],
  ["中10", { kind: "prefix", wellId: "中102" }],
  ["石南20", { kind: "ambiguous", candidates: ["石南201", "石南2011"] }],
  ["w00", { kind: "ambiguous", candidates: ["W001", "W002"] }],
  ["１０２井", { kind: "contains", wellId: "中102" }],
  ["102", { kind: "contains", wellId: "中102" }],
  ["南2011", { kind: "contains", wellId: "石南2011" }],
  ["1", {
    kind: "ambiguous",
    candidates: ["乐探1", "莫11", "W001", "中102", "莫116", "石南201", "石南2011"],
  }],
  ["彩h5井", { kind: "name", wellId: "彩南H5" }],
  ["西99", { kind: "none" }],
  ["  ", { kind: "none" }],
  ["井", { kind: "none" }],
];

test("resolveWellId finds what people type, never guesses", async () => {
  const lookup = createMemoryWellLookup(WELLS);
  for (const [input, want] of CASES) {
    const got = await resolveWellId(input, lookup);
    assert.equal(got.kind, want.kind, `${input}: ${JSON.stringify(got)}`);
    assert.equal(got.input, input);
    if ("wellId" in got) assert.equal(got.wellId, want.wellId, input);
    if (got.kind === "ambiguous") assert.deepEqual(got.candidates, want.candidates, input);
  }
});

test("ambiguous lists at most 10 candidates and asks only for what it needs", async () => {
  const many = Array.from({ length: 25 }, (_, i) => `石西${100 + i}`);
  const limits: number[] = [];
  const base = createMemoryWellLookup(many);
  const lookup: WellLookup = {
    ...base,
    byKeyPrefix: (p, limit) => (limits.push(limit), base.byKeyPrefix(p, limit)),
  };
  const got = await resolveWellId("石西", lookup);
  assert.equal(got.kind, "ambiguous");
  if (got.kind === "ambiguous") assert.equal(got.candidates.length, 10);
  assert.deepEqual(limits, [10]);
});

test("two stored ids with the same key are ambiguous, not a guess", async () => {
  const got = await resolveWellId("w001", createMemoryWellLookup(["W001", "w001 "]));
  assert.deepEqual(got, { kind: "ambiguous", input: "w001", candidates: ["W001", "w001 "] });
});

test("messages are bilingual and name the value", () => {
  assert.equal(
    wellNotFoundMessage("西99"),
    '找不到井号 "西99" / no well "西99": 请检查井号, 也可只写其中一部分如 102 / check the well id; part of it such as 102 also works',
  );
  const m = ambiguousWellMessage("石南20", ["石南201", "石南2011"]);
  assert.match(
    m,
    /^井号 "石南20" 对应多口井 \/ well "石南20" matches several wells: 石南201, 石南2011\. /,
  );
  assert.doesNotMatch(m, /at most/);
  assert.match(
    ambiguousWellMessage("石", Array.from({ length: 10 }, (_, i) => `石${i}`)),
    /at most 10 listed/,
  );
});
