/**
 * The figures a demo drilling day reports beside its depth, shared by the demo wells and the
 * field-scale wells so both draw them the same way.
 *
 * @module
 */
import type { Random } from "./random.ts";

/** Rounds to `digits` decimals (one by default), as the demo data is written. */
export const round = (v: number, digits = 1): number => Math.round(v * 10 ** digits) / 10 ** digits;

/** The drilling figures of one demo day: WOB, ROP, pump pressure, flow rate and mud. */
export interface DayFigures {
  wob_kn: number | null;
  rop_m_h: number | null;
  pump_pressure_mpa: number;
  flow_rate_l_s: number;
  mud_density_g_cm3: number;
  mud_viscosity_s: number;
}

/**
 * Draws one day's figures at `depth` after drilling `footage` metres in `drillH` hours with a bit
 * of `size` mm. The random draws come in a fixed order (WOB only on a drilling day), so a seed
 * gives the same demo data as before this was shared.
 */
export function dayFigures(
  rnd: Random,
  depth: number,
  footage: number,
  drillH: number,
  size: number,
): DayFigures {
  return {
    wob_kn: drillH ? round(rnd.between(80, 180)) : null,
    rop_m_h: drillH ? round(footage / drillH, 2) : null,
    pump_pressure_mpa: round(10 + depth / 300 + rnd.between(-1, 1)),
    flow_rate_l_s: round(
      size > 400 ? rnd.between(55, 62) : size > 300 ? rnd.between(42, 50) : rnd.between(28, 34),
    ),
    mud_density_g_cm3: round(1.08 + depth / 10000 + rnd.between(0, 0.04), 2),
    mud_viscosity_s: Math.round(rnd.between(42, 68)),
  };
}
