import { z } from "zod";
import { READ_TOOL } from "../call/define-tool.ts";
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
export const ANALYSIS_TOOL = { ...READ_TOOL, toolset: "analysis" } as const;

/** How many report days took their NPT from activity lines, the npt_h column or the main-work text. */
export const nptSourcesSchema = z.object({
  activities: z.number().int(),
  recorded: z.number().int(),
  text: z.number().int(),
}).describe(
  "非生产时间来源（报告日数）：作业明细、npt_h 列、主要工作文字 / report days by NPT source: activity lines, npt_h, main-work text",
);
