import type { NptCategory } from "./npt-categories.ts";

/** One activity line as NPT reads it (a drilling_activities row or anything shaped like it). */
export interface ActivityLine {
  /** NPD activity code `main -- sub`, e.g. `interruption -- waiting on weather`. */
  readonly activity_code: string | null;
  /** `ok` or `fail` (NPD); a failed line is lost time whatever its code. */
  readonly state: string | null;
  readonly hours: number | null;
}

/** NPT hours of one category. */
export interface ActivityNpt {
  readonly category: NptCategory;
  readonly hours: number;
}

// The NPD scheme's sub-activities of `interruption` (and of a failed line) onto the project's categories.
const SUB_CATEGORY: Readonly<Record<string, NptCategory>> = {
  "waiting on weather": "weather",
  repair: "equipment",
  maintain: "equipment",
  fish: "downhole",
  wait: "waiting",
  "rig up/down": "other",
  other: "other",
};

/** The NPT category of an activity code's sub-activity (`fish` → downhole); `other` when unlisted. */
export function activityNptCategory(code: string): NptCategory {
  const sub = code.split("--").slice(1).join("--").trim().toLowerCase();
  return SUB_CATEGORY[sub] ?? "other";
}

/** Whether a line is non-productive: its main activity is `interruption`, or its state is `fail`. */
export function isNptActivity(line: ActivityLine): boolean {
  const main = (line.activity_code ?? "").split("--")[0].trim().toLowerCase();
  return main === "interruption" || (line.state ?? "").trim().toLowerCase() === "fail";
}

/**
 * NPT hours by category from a day's (or any set of) activity lines, in the NPD scheme: a line
 * whose main activity is `interruption`, or whose state is `fail`, is non-productive; its
 * sub-activity gives the category (waiting on weather → weather; repair, maintain →
 * equipment; fish → downhole; wait → waiting; rig up/down, other and anything else → other).
 * Lines without positive hours count for nothing. Categories with hours only, most first (ties by key).
 */
export function activityNpt(lines: readonly ActivityLine[]): ActivityNpt[] {
  const by = new Map<NptCategory, number>();
  for (const line of lines) {
    const h = line.hours;
    if (typeof h !== "number" || !Number.isFinite(h) || h <= 0 || !isNptActivity(line)) continue;
    const category = activityNptCategory(line.activity_code ?? "");
    by.set(category, (by.get(category) ?? 0) + h);
  }
  return [...by].map(([category, hours]) => ({ category, hours })).sort((a, b) =>
    b.hours - a.hours || a.category.localeCompare(b.category)
  );
}
