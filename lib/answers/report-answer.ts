/**
 * Answers: what a tool says back: the answer's text (Markdown tables, report lines, the closing
 * lines every report answer ends with) and the zod shapes of structured output shared by several
 * tools.
 *
 * @module
 */
import type { WellResolution } from "../data/resolve-wells.ts";

/**
 * The lines every report answer ends with: the dates used, how typed wells were read,
 * the candidates of ambiguous ones, and wells that had no report on those dates.
 */
export function reportFooter(
  dates: readonly string[],
  wells: readonly WellResolution[],
  missing: readonly string[],
): string {
  const lines = [`日期 dates: ${dates.join("；")}`];
  for (const w of wells) if (w.match !== "exact") lines.push(`井号 well: ${w.note}`);
  if (missing.length) {
    lines.push(`这些井在所选日期没有日报 / no report on these dates: ${missing.join(", ")}`);
  }
  return lines.join("\n");
}
