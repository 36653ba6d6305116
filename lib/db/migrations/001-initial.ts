/** Version 1: the well master and the drilling daily report, with soft-delete and bookkeeping columns. */
export const MIGRATION_001 = {
  version: 1,
  name: "wells, drilling daily reports, record history",
  statements: [
    `CREATE TABLE wells (
      well_id TEXT PRIMARY KEY NOT NULL,
      name TEXT, field TEXT, block TEXT, block_code TEXT,
      exploration_category TEXT, exploration_project TEXT, exploration_subproject TEXT,
      horizon TEXT, well_type TEXT, well_category TEXT, is_key_well INTEGER,
      design_date TEXT, design_depth_m REAL, design_x_m REAL, design_y_m REAL,
      target_formation TEXT, design_completion_horizon TEXT, drilling_purpose TEXT,
      completion_principle TEXT, ground_elevation_m REAL, contract_area TEXT,
      operator TEXT, entered_by TEXT, remarks TEXT, spud_date TEXT, status TEXT,
      created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
      updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
      deleted_at TEXT
    )`,
    `CREATE INDEX wells_block ON wells (block)`,
    `CREATE TABLE drilling_daily (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      well_id TEXT NOT NULL,
      report_date TEXT NOT NULL,
      spud_date TEXT, depth_m REAL, footage_m REAL, bit_type TEXT, bit_diameter_mm REAL,
      wob_kn REAL, rop_m_h REAL, pump_pressure_mpa REAL, flow_rate_l_s REAL,
      mud_density_g_cm3 REAL, mud_viscosity_s REAL, on_bottom_hours_cum_h REAL, main_work TEXT,
      rpm REAL, torque_kn_m REAL, formation TEXT, lithology TEXT, drilling_hours_h REAL,
      npt_h REAL, npt_category TEXT,
      created_by TEXT, updated_by TEXT,
      created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
      updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
      deleted_at TEXT
    )`,
    // One live report per well and day (the field's natural key); a soft-deleted one does not block a new one.
    `CREATE UNIQUE INDEX drilling_daily_natural_key ON drilling_daily (well_id, report_date) WHERE deleted_at IS NULL`,
    `CREATE INDEX drilling_daily_well_date ON drilling_daily (well_id, report_date DESC)`,
    `CREATE INDEX drilling_daily_date ON drilling_daily (report_date DESC, id DESC)`,
    `CREATE INDEX drilling_daily_formation ON drilling_daily (formation)`,
    `CREATE TABLE record_history (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      table_name TEXT NOT NULL, record_id TEXT NOT NULL, action TEXT NOT NULL,
      before_json TEXT, after_json TEXT, changed_by TEXT NOT NULL,
      changed_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now'))
    )`,
    `CREATE INDEX record_history_record ON record_history (table_name, record_id, id)`,
  ],
} as const;
