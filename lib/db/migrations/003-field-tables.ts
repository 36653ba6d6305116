import { wellKeyColumnStatements } from "./well-key-sql.ts";

const BOOKKEEPING = `created_by TEXT, updated_by TEXT,
      created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
      updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
      deleted_at TEXT`;

/**
 * Version 3: the key-well trial-production daily and the pre-drilling milestones (columns as
 * in lib/schema/key-well-daily.ts and pre-drilling.ts), and a normalized well key
 * (`well_key`, and `name_key` on wells) kept by triggers on every table holding well ids,
 * so a well typed as people type it is found by an indexed lookup.
 */
export const MIGRATION_003 = {
  version: 3,
  name: "key-well daily, pre-drilling milestones, normalized well keys",
  statements: [
    `CREATE TABLE key_well_daily (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      well_id TEXT NOT NULL, block TEXT, horizon TEXT, layer_no TEXT,
      top_depth_m REAL, bottom_depth_m REAL, report_date TEXT NOT NULL,
      status TEXT, production_method TEXT, choke_mm REAL, working_hours_h REAL, working_regime TEXT,
      gas_rate_1e4m3_d REAL, water_cut_pct REAL,
      tubing_pressure_max_mpa REAL, tubing_pressure_min_mpa REAL,
      casing_pressure_max_mpa REAL, casing_pressure_min_mpa REAL,
      back_pressure_max_mpa REAL, back_pressure_min_mpa REAL,
      flowing_pressure_mpa REAL, static_pressure_mpa REAL, remarks TEXT,
      ${BOOKKEEPING}
    )`,
    // A missing layer is one layer: coalesce so two imports of the same row cannot both live.
    `CREATE UNIQUE INDEX key_well_daily_natural_key ON key_well_daily
      (well_id, report_date, coalesce(horizon, ''), coalesce(layer_no, '')) WHERE deleted_at IS NULL`,
    `CREATE INDEX key_well_daily_well_date ON key_well_daily (well_id, report_date DESC)`,
    `CREATE INDEX key_well_daily_date ON key_well_daily (report_date DESC, id DESC)`,
    `CREATE TABLE pre_drilling (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      exploration_project TEXT, implementation_year INTEGER, well_id TEXT NOT NULL,
      location_review_date TEXT, location_conditions_date TEXT, location_survey_date TEXT,
      investment_date TEXT, boundary_survey_date TEXT, eia_submitted_date TEXT,
      land_application_date TEXT, engineering_plan_date TEXT, geology_design_approved_date TEXT,
      engineering_design_approved_date TEXT, eia_approved_date TEXT, land_acquired_date TEXT,
      temporary_works_start_date TEXT, temporary_works_end_date TEXT,
      rig_move_start_date TEXT, rig_move_end_date TEXT,
      ${BOOKKEEPING}
    )`,
    `CREATE UNIQUE INDEX pre_drilling_natural_key ON pre_drilling (well_id) WHERE deleted_at IS NULL`,
    `CREATE INDEX pre_drilling_project ON pre_drilling (exploration_project, implementation_year)`,
    `CREATE INDEX wells_project ON wells (exploration_project)`,
    ...wellKeyColumnStatements("wells", "well_id", "well_key"),
    ...wellKeyColumnStatements("wells", "name", "name_key"),
    ...wellKeyColumnStatements("drilling_daily", "well_id", "well_key"),
    ...wellKeyColumnStatements("key_well_daily", "well_id", "well_key"),
    ...wellKeyColumnStatements("pre_drilling", "well_id", "well_key"),
  ],
} as const;
