/**
 * The tools each role may call, written out by hand: a change to the role map must change these lists on purpose.
 * @module
 */

/** Every tool of the USER role, sorted. */
export const USER_TOOLS = [
  "analyze_npt",
  "analyze_rop",
  "compare_wells",
  "compute_mse",
  "get_drilling_activities",
  "get_drilling_curve",
  "get_key_well_daily",
  "get_period_report",
  "get_pre_drilling_milestones",
  "get_statistics",
  "get_well_summary",
  "list_access",
  "list_wells",
  "query_drilling_data",
];

/** Every tool of the ENGINEER role: USER's and the writes. */
export const ENGINEER_TOOLS = [
  ...USER_TOOLS,
  "add_drilling_record",
  "update_drilling_record",
  "get_record_history",
  "undo_record_change",
  "save_drilling_daily",
  "save_key_well_daily",
  "save_well",
];

/** Every tool of the ADMIN role: ENGINEER's and the administration tools; this is every registered tool. */
export const ADMIN_TOOLS = [
  ...ENGINEER_TOOLS,
  "delete_drilling_record",
  "restore_drilling_record",
  "purge_drilling_record",
  "export_all_data",
  "query_audit_log",
  "grant_access",
  "revoke_access",
  "import_data",
];
