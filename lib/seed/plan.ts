import { formationAt, FORMATIONS, SECTIONS } from "./geology.ts";
import type { DemoWell } from "./generate.ts";

/** One point of a demo well's plan, as a `well_plans` row. */
export type DemoPlanPoint = {
  readonly well_id: string;
  readonly day: number;
  readonly depth_m: number;
  readonly phase: string;
};

/** On-bottom hours a day the plan counts on (the demo wells manage about 13). */
export const PLAN_DRILLING_HOURS_PER_DAY = 14;
/** Days the plan allows at each casing point for running casing and cementing. */
export const PLAN_CASING_DAYS = 2;

const SECTION_NAMES = ["一开", "二开", "三开", "四开"];

// The wells generate.ts drills with the demo geology (W001 …); the field-like wells beside
// them follow other rules, so a plan from this geology would mean nothing for them.
const PLANNED_WELL = /^W\d{3}$/;

/**
 * The planned days-versus-depth curve of each demo well drilled with the demo geology
 * (ids W001, W002 …) that has a design depth and a spud date: from 0 m on day 0, each formation drilled at the middle of its ROP range
 * for PLAN_DRILLING_HOURS_PER_DAY hours a day, PLAN_CASING_DAYS at every casing point,
 * down to design_depth_m. Days are rounded up to 0.1 d and strictly increase.
 * Deterministic: it reads only the wells.
 */
export function generateDemoPlans(wells: readonly DemoWell[]): DemoPlanPoint[] {
  return wells.filter((w) => PLANNED_WELL.test(String(w.well_id))).flatMap((well) => planOf(well));
}

function planOf(well: DemoWell): DemoPlanPoint[] {
  const target = Number(well.design_depth_m);
  if (!well.spud_date || !(target > 0)) return [];
  const well_id = String(well.well_id);
  const points: DemoPlanPoint[] = [{ well_id, day: 0, depth_m: 0, phase: "开钻 spud" }];
  let elapsed = 0;
  const add = (days: number, depth_m: number, phase: string) => {
    elapsed += days;
    const previous = points[points.length - 1].day;
    const day = Math.max(Math.ceil(elapsed * 10 - 1e-9) / 10, Math.round(previous * 10 + 1) / 10);
    points.push({ well_id, day, depth_m, phase });
  };
  const casingAt = SECTIONS.map((s) => s.to_m).filter((d) => d < target);
  const stops = [...new Set([...FORMATIONS.map((f) => f.top_m), ...casingAt, target])]
    .filter((d) => d > 0 && d <= target).sort((a, b) => a - b);
  let depth = 0;
  for (const stop of stops) {
    const f = formationAt(depth);
    const section = SECTIONS.findIndex((s) => depth < s.to_m);
    const name = `${SECTION_NAMES[section] ?? ""} ${SECTIONS[section].bit_diameter_mm} mm`;
    add(
      (stop - depth) / (((f.rop[0] + f.rop[1]) / 2) * PLAN_DRILLING_HOURS_PER_DAY),
      stop,
      `${name} 钻进 drilling ${f.name}`,
    );
    if (casingAt.includes(stop)) {
      add(PLAN_CASING_DAYS, stop, `${name} 下套管固井 casing and cementing`);
    }
    depth = stop;
  }
  return points;
}
