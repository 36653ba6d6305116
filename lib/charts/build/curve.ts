import type { DepthCurveSpec, DepthSeries } from "../spec.ts";

/** A well's curve as get_drilling_curve answers it. */
export type CurveInput = {
  well_id: string;
  points: ReadonlyArray<{ day: number; depth_m: number }>;
  plan: ReadonlyArray<{ day: number; depth_m: number }>;
};

// The chart needs days strictly ascending: a second report on the same day keeps the later depth.
function strictly(
  points: ReadonlyArray<{ day: number; depth_m: number }>,
): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (const p of points) {
    if (!Number.isFinite(p.day) || !Number.isFinite(p.depth_m)) continue;
    const last = out[out.length - 1];
    if (last && p.day <= last[0]) {
      if (p.day === last[0]) last[1] = p.depth_m;
      continue;
    }
    out.push([p.day, p.depth_m]);
  }
  return out;
}

/** The depth-versus-days chart of get_drilling_curve's wells (plan dashed where one exists); null when nothing to draw. */
export function curveChart(wells: readonly CurveInput[]): DepthCurveSpec | null {
  const series: DepthSeries[] = wells.flatMap((w) => {
    const actual = strictly(w.points);
    const plan = strictly(w.plan);
    return [
      ...(plan.length > 0 ? [{ well: w.well_id, kind: "plan" as const, points: plan }] : []),
      ...(actual.length > 0 ? [{ well: w.well_id, kind: "actual" as const, points: actual }] : []),
    ];
  });
  if (!series.some((s) => s.kind === "actual")) return null;
  const one = wells.length === 1 ? wells[0].well_id : null;
  return {
    kind: "depth_curve",
    title: one
      ? { zh: `${one} 钻井曲线`, en: `${one} depth vs days` }
      : { zh: "钻井曲线", en: "Depth vs days" },
    series,
  };
}
