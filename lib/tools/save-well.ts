import { WELLS_TARGET } from "../write/targets.ts";
import { defineSaveTool } from "../write/save-tool.ts";

/** `save_well`: files a well master record (油井基础信息) read from a document. */
export const saveWell = defineSaveTool({
  target: WELLS_TARGET,
  name: "save_well",
  title: "保存油井基础信息 Save well master records",
  description:
    "保存从文件读出的油井基础信息。 / Save well master records, e.g. read from an uploaded document.",
});
