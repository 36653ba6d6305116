import { DRILLING_DAILY_TARGET } from "../write/targets.ts";
import { defineSaveTool } from "./save-tool.ts";

/** `save_drilling_daily`: files drilling daily reports (钻井工程日报) read from a document. */
export const saveDrillingDaily = defineSaveTool({
  target: DRILLING_DAILY_TARGET,
  name: "save_drilling_daily",
  title: "保存钻井日报 Save drilling daily reports",
  description: "保存钻井工程日报（每口井每天一条），例如从上传的日报中读出的；井号不在油井基础信息中也会保存，并在结果中标出。" +
    "数值须在合理范围内（井深不为负，钻井液密度 0.8–2.6 g/cm³ 等）。 / Save drilling daily reports (one per well and day), " +
    "e.g. read from an uploaded report; a well missing from the well master is saved too and flagged in the answer. " +
    "Values must be plausible (no negative depth, mud density 0.8–2.6 g/cm³, …).",
});
