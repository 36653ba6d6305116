import { z } from "zod";
import { analysisFilterEchoShape } from "../data/analysis-rows.ts";

/**
 * The output schema of an analysis tool: its own fields, then what every analysis answers with
 * them: the filter applied, how typed dates and well ids were read, and the headline.
 */
export function analysisOutput<S extends z.ZodRawShape>(shape: S) {
  return z.object({
    ...shape,
    ...analysisFilterEchoShape,
    headline: z.string().describe("结论 the answer in one line, Chinese / English"),
  });
}

/** What every analysis tool declares: readable by every role, read-only, in the `analysis` toolset. */
export const ANALYSIS_TOOL = {
  group: "read",
  toolset: "analysis",
  annotations: { readOnlyHint: true, openWorldHint: false },
} as const;
