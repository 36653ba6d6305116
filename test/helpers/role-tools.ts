/**
 * The tools a USER may call, written out by hand: a change to the role map must change this list on purpose.
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
