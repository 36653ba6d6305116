import type { Random } from "./random.ts";

/** A day's trouble as the field writes it in 本日主要工作: the text for `h` hours and its NPT category. */
export interface TroublePhrase {
  readonly category: string;
  readonly hours: readonly [number, number];
  text(h: number, depth: number): string;
}

/** Trouble written the way drilling reports write it (卡钻, 井漏, 溢流, 等停, 修理 …). */
export const TROUBLE: readonly TroublePhrase[] = [
  {
    category: "downhole",
    hours: [3, 12],
    text: (h, d) => `钻进至${d}m遇卡，处理卡钻${h}小时，泡解卡剂解卡`,
  },
  {
    category: "downhole",
    hours: [2, 9],
    text: (h, d) => `${d}m发生井漏，漏失钻井液${h * 5}方，堵漏${h}h`,
  },
  { category: "downhole", hours: [2, 6], text: (h) => `发现溢流，关井求压，压井${h}小时` },
  { category: "waiting", hours: [3, 14], text: (h) => `等停${h}小时（等待固井车）` },
  { category: "waiting", hours: [2, 8], text: (h) => `等待钻井液材料${h}h` },
  { category: "equipment", hours: [2, 8], text: (h) => `修理1#泥浆泵${h}小时` },
  { category: "equipment", hours: [2, 6], text: (h) => `顶驱故障，检修顶驱${h}h` },
  { category: "weather", hours: [4, 10], text: (h) => `大风停工${h}小时` },
];

/** Ordinary words of a drilling day, some saying there was no trouble (无井漏、溢流). */
export const ROUTINE: readonly string[] = [
  "循环钻井液，短起下钻",
  "接单根，测斜",
  "钻进正常，无井漏、溢流",
  "循环处理钻井液",
  "划眼通井",
  "起钻换钻头，下钻",
];

/** One routine phrase, or none. */
export function routine(rnd: Random): string | null {
  return rnd.chance(0.45) ? rnd.pick(ROUTINE) : null;
}
