import { NPT_CATEGORIES as LABELS } from "../words/main-work-categories.ts";
import type { NptCategory } from "../words/main-work-categories.ts";

export type { NptCategory };

/** One NPT category with its labels and the words that name it in category cells. */
export interface NptCategoryInfo {
  readonly key: NptCategory;
  readonly zh: string;
  readonly en: string;
  /** Lower-case words that, found in a category cell, file it here (checked in NPT_CATEGORIES order). */
  readonly words: readonly string[];
}

// Checked in this order: a cell naming trouble and waiting (等待解卡) is downhole trouble.
const WORDS: readonly (readonly [NptCategory, readonly string[]])[] = [
  ["downhole", [
    "井下复杂",
    "卡钻",
    "井漏",
    "溢流",
    "井涌",
    "井喷",
    "落鱼",
    "打捞",
    "垮塌",
    "downhole",
    "stuck",
    "lost circulation",
    "kick",
    "fishing",
  ]],
  ["waiting", ["等停", "等待", "等料", "停待", "waiting", "wait"]],
  ["equipment", ["设备", "故障", "修理", "维修", "检修", "equipment", "repair", "failure"]],
  ["weather", ["天气", "大风", "暴雨", "雷雨", "暴雪", "weather", "storm", "wind"]],
  ["other", ["其他", "其它", "other"]],
];

/**
 * The categories in their fixed order (the order ties are listed in), labelled from
 * lib/words/main-work-categories.ts, the one source of the NPT labels.
 */
export const NPT_CATEGORIES: readonly NptCategoryInfo[] = WORDS.map(([key, words]) => {
  const label = LABELS.find((c) => c.id === key)!;
  return { key, zh: label.zh, en: label.en, words };
});

/**
 * The category a cell names: its key (`downhole`), its label (`井下复杂`,
 * `downhole trouble`) or a text containing one of its words (`卡钻`, `lost
 * circulation`), case-insensitive. Anything else, empty cells included, is `other`.
 */
export function nptCategory(value: unknown): NptCategory {
  if (typeof value !== "string") return "other";
  const t = value.trim().toLowerCase();
  if (t === "") return "other";
  const exact = NPT_CATEGORIES.find((c) => t === c.key || t === c.zh || t === c.en);
  if (exact) return exact.key;
  return NPT_CATEGORIES.find((c) => c.words.some((w) => t.includes(w)))?.key ?? "other";
}

/** The labels of a category. */
export function nptCategoryInfo(key: NptCategory): NptCategoryInfo {
  return NPT_CATEGORIES.find((c) => c.key === key)!;
}
