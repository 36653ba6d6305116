import { z } from "zod";

/** Output schema of a {@link import("../data/resolve-wells.ts").WellResolution}, shared by every tool taking well ids. */
export const wellResolutionSchema = z.object({
  input: z.string().describe("输入的井号 the well id as typed"),
  well_id: z.string().nullable().describe(
    "识别出的井号 the stored well id, null when ambiguous or unknown",
  ),
  match: z.string().describe(
    "匹配方式 how it matched: exact, normalized, prefix, contains, name, ambiguous, none",
  ),
  candidates: z.array(z.string()).describe("有歧义时的候选井号 candidates when ambiguous"),
  in_master: z.boolean().nullable().describe(
    "是否在油井基础信息中 whether the well is in the well master",
  ),
  note: z.string().describe("说明 what was read, bilingual"),
});
