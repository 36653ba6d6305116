import { KEY_WELL_DAILY_TARGET } from "../write/targets.ts";
import { defineSaveTool } from "./save-tool.ts";

/** `save_key_well_daily`: files key-well trial-production daily reports (重点井试采日报) read from a document. */
export const saveKeyWellDaily = defineSaveTool({
  target: KEY_WELL_DAILY_TARGET,
  name: "save_key_well_daily",
  title: "保存重点井试采日报 Save key-well trial-production daily reports",
  description: "保存重点井试采日报（每口井每天每个层位、层序号一条），例如从上传的日报中读出的；井号不在油井基础信息中也会保存，并在结果中标出。" +
    "数值须在合理范围内（含水 0–100 %，压力不为负等）。 / Save key-well trial-production daily reports (one per well, day, " +
    "horizon and layer), e.g. read from an uploaded report; a well missing from the well master is saved too and flagged. " +
    "Values must be plausible (water cut 0–100 %, no negative pressure, …).",
});
