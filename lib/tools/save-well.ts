import { WELLS_TARGET } from "../write/targets.ts";
import { defineSaveTool } from "./save-tool.ts";

/** `save_well`: files a well master record (油井基础信息) read from a document. */
export const saveWell = defineSaveTool({
  target: WELLS_TARGET,
  name: "save_well",
  title: "保存油井基础信息 Save well master records",
  description: "保存油井基础信息（井号、区块、井型、设计井深等），例如从上传的文件中读出的。 / Save well master records " +
    "(well id, block, well type, design depth, …), e.g. read from an uploaded document.",
});
