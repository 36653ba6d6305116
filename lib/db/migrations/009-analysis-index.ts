/**
 * Version 9: a covering index of the live drilling daily reports for the field-wide analyses
 * (issue 16): compare_wells and analyze_rop add up their figures in SQL
 * (lib/data/analysis-compare-sql.ts, analysis-rop-sql.ts) in one pass over this index, in well and
 * date order, without reading the wide table's rows (the main-work texts make them about 1 KB each).
 * `deleted_at` is in it so SQLite counts it covering for queries that say `deleted_at IS NULL`.
 */
export const MIGRATION_009 = {
  version: 9,
  name: "covering index of live daily reports for the field-wide analyses",
  statements: [
    `CREATE INDEX drilling_daily_figures ON drilling_daily (well_id, report_date, depth_m, footage_m, rop_m_h, drilling_hours_h,
      on_bottom_hours_cum_h, spud_date, wob_kn, bit_diameter_mm, rpm, torque_kn_m, formation, bit_type, deleted_at) WHERE deleted_at IS NULL`,
  ],
} as const;
