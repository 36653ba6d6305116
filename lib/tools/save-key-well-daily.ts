import { KEY_WELL_DAILY_TARGET } from "../write/targets.ts";
import { defineSaveTool } from "../write/save-tool.ts";

/** `save_key_well_daily`: files key-well trial-production daily reports (重点井试采日报) read from a document. */
export const saveKeyWellDaily = defineSaveTool({
  target: KEY_WELL_DAILY_TARGET,
  name: "save_key_well_daily",
  title: "保存重点井试采日报 Save key-well trial-production daily reports",
  description: "保存从文件读出的重点井试采日报（每井每天每层一条）。 / Save key-well " +
    "trial-production dailies (one per well, day and layer), e.g. read from an uploaded report; wells missing from the master are saved and flagged.",
});
