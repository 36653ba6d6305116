import { classifyMainWork } from "../words/main-work.ts";
import type { NptFinding } from "../words/main-work.ts";
import type { NptClassifier } from "./npt.ts";

/**
 * An NptClassifier over classifyMainWork (lib/words/main-work.ts): each NPT cause the
 * main-work text names with its hours (`处理卡钻6小时` → downhole 6 h) is one entry.
 * A cause named without hours (`修泵`) cannot be counted; it is passed to
 * `onHoursUnknown` (e.g. to say how many rows were left short) and left out.
 */
export function mainWorkNptClassifier(
  onHoursUnknown?: (finding: NptFinding, text: string) => void,
): NptClassifier {
  return (text) =>
    classifyMainWork(text).npt.flatMap((f) => {
      if (f.hours === null) {
        onHoursUnknown?.(f, text);
        return [];
      }
      return [{ category: f.category, hours: f.hours }];
    });
}
