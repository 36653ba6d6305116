/** The operations a day's main work (本日主要工作) is classified into. */
export type OperationId =
  | "drilling"
  | "tripping"
  | "casing"
  | "cementing"
  | "logging"
  | "circulating"
  | "reaming"
  | "coring"
  | "rig_move"
  | "testing"
  | "other";

/** Non-productive time categories as a drilling engineer groups them. */
export type NptCategory = "equipment" | "waiting" | "downhole" | "weather" | "other";

/** Every operation with its Chinese and English name, in the order results list them. */
export const OPERATIONS: readonly { id: OperationId; zh: string; en: string }[] = Object.freeze([
  { id: "drilling", zh: "钻进", en: "drilling" },
  { id: "tripping", zh: "起下钻", en: "tripping" },
  { id: "casing", zh: "下套管", en: "running casing" },
  { id: "cementing", zh: "固井", en: "cementing" },
  { id: "logging", zh: "测井", en: "logging" },
  { id: "circulating", zh: "循环", en: "circulating" },
  { id: "reaming", zh: "划眼", en: "reaming" },
  { id: "coring", zh: "取心", en: "coring" },
  { id: "rig_move", zh: "搬安", en: "rig move and installation" },
  { id: "testing", zh: "试油试压", en: "testing" },
  { id: "other", zh: "其他", en: "other" },
]);

/**
 * Every NPT category with its Chinese and English name: the one source of these labels
 * (lib/analysis/npt-categories.ts reads them from here).
 */
export const NPT_CATEGORIES: readonly { id: NptCategory; zh: string; en: string }[] = Object.freeze(
  [
    { id: "equipment", zh: "设备故障", en: "equipment failure" },
    { id: "waiting", zh: "等停", en: "waiting" },
    { id: "downhole", zh: "井下复杂", en: "downhole trouble" },
    { id: "weather", zh: "天气", en: "weather" },
    { id: "other", zh: "其他", en: "other" },
  ],
);
