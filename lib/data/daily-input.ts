import { z } from "zod";
import { DRILLING_DAILY } from "../schema/drilling-daily.ts";

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Plausible ranges of numeric fields by column name (drilling and key-well daily reports, the
 * well master, pre-drilling): anything outside is a typo, not a report. The save tools and the
 * importer read it too.
 */
export const DAILY_RANGES: Readonly<Record<string, readonly [number, number]>> = {
  depth_m: [0, 15000],
  footage_m: [0, 3000],
  bit_diameter_mm: [50, 1000],
  wob_kn: [0, 1500],
  rop_m_h: [0, 500],
  pump_pressure_mpa: [0, 100],
  flow_rate_l_s: [0, 200],
  mud_density_g_cm3: [0.8, 2.6],
  mud_viscosity_s: [0, 500],
  on_bottom_hours_cum_h: [0, 100000],
  rpm: [0, 400],
  torque_kn_m: [0, 200],
  drilling_hours_h: [0, 24],
  npt_h: [0, 24],
  design_depth_m: [0, 15000],
  ground_elevation_m: [-500, 9000],
  is_key_well: [0, 1],
  top_depth_m: [0, 15000],
  bottom_depth_m: [0, 15000],
  choke_mm: [0, 100],
  working_hours_h: [0, 24],
  gas_rate_1e4m3_d: [0, 5000],
  water_cut_pct: [0, 100],
  tubing_pressure_max_mpa: [0, 150],
  tubing_pressure_min_mpa: [0, 150],
  casing_pressure_max_mpa: [0, 150],
  casing_pressure_min_mpa: [0, 150],
  back_pressure_max_mpa: [0, 150],
  back_pressure_min_mpa: [0, 150],
  flowing_pressure_mpa: [0, 150],
  static_pressure_mpa: [0, 200],
  implementation_year: [1950, 2100],
};

function validDate(value: string): boolean {
  if (!DATE.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

/** A calendar date `YYYY-MM-DD` that exists. */
export const isoDate = z.string().refine(validDate, {
  message: "须为存在的日期 YYYY-MM-DD / must be a real date YYYY-MM-DD",
});

/** zod shape of every writable daily field (all optional), with the plausible ranges from the metadata. */
export const dailyFieldsShape: Record<string, z.ZodType> = Object.fromEntries(
  DRILLING_DAILY.columns
    .filter((c) => c.name !== "well_id" && c.name !== "report_date")
    .map((c) => {
      const range = DAILY_RANGES[c.name];
      let type: z.ZodType;
      if (c.type === "date") type = isoDate;
      else if (c.type === "text") type = z.string().trim().max(c.name === "main_work" ? 2000 : 200);
      else if (range) {
        // A refinement, not min/max: the range stays out of the listed schema (the refusal names it).
        type = z.number().refine((v) => v >= range[0] && v <= range[1], {
          message: `须在 ${range[0]}–${range[1]} 之间 / must be ${range[0]}–${range[1]}`,
        });
      } else type = z.number();
      // Undescribed: the names carry the unit, save_drilling_daily's schema carries labels and codes.
      return [c.name, type.nullable().optional()];
    }),
);

/** zod for a well id argument. */
export const wellIdArg = z.string().trim().min(1).max(64).describe(
  "井号，照用户写法 / well id as typed",
);
