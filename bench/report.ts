/** One line of the results table. */
export interface TargetRow {
  readonly workload: string;
  readonly measured: string;
  readonly target: string;
  /** null: informational, no target. */
  readonly met: boolean | null;
}

/** The table as Markdown (printed, and pasted into the README). */
export function markdownTable(rows: readonly TargetRow[]): string {
  const lines = ["| workload | measured | target | met |", "|---|---|---|---|"];
  for (const r of rows) {
    lines.push(
      `| ${r.workload} | ${r.measured} | ${r.target} | ${
        r.met === null ? "—" : r.met ? "met" : "**missed**"
      } |`,
    );
  }
  return lines.join("\n");
}

/** `n` with `digits` decimals, or "n/a" for NaN. */
export function fmt(n: number, digits = 0): string {
  return Number.isFinite(n) ? n.toFixed(digits) : "n/a";
}
