/**
 * Version 8: how an imported report's own figures were obtained (issue 20), so analyses can say
 * it: one row per well day and field (`depth_m`, `footage_m`, `rop_m_h`) that a drillReport or
 * campaign file gave, with the value stored then and `kind`, a short label of the source (e.g.
 * `日报进尺 statusInfo/distDrill`). Written by the report import (lib/data/report-figures.ts);
 * a reader shows `kind` only while drilling_daily still holds that value (a figure edited by hand
 * since is no longer the report's).
 */
export const MIGRATION_008 = {
  version: 8,
  name: "report_figures: how each imported report figure was obtained",
  statements: [
    `CREATE TABLE report_figures (
      well_id TEXT NOT NULL,
      report_date TEXT NOT NULL,
      field TEXT NOT NULL CHECK (field IN ('depth_m', 'footage_m', 'rop_m_h')),
      value REAL NOT NULL,
      kind TEXT NOT NULL,
      PRIMARY KEY (well_id, report_date, field)
    ) WITHOUT ROWID`,
  ],
} as const;
