import { DRILLING_DAILY_TARGET } from "../write/targets.ts";
import { defineSaveTool } from "../write/save-tool.ts";

/** `save_drilling_daily`: files drilling daily reports (钻井工程日报) read from a document. */
export const saveDrillingDaily = defineSaveTool({
  target: DRILLING_DAILY_TARGET,
  name: "save_drilling_daily",
  title: "保存钻井日报 Save drilling daily reports",
  description:
    "保存从文件读出的钻井日报（每井每天一条），井不在基础信息中也保存并标出。 / Save drilling " +
    "daily reports (one per well and day), e.g. read from an uploaded report; wells missing from the master are saved and flagged.",
});
