/**
 * The tools: one file per tool, each with its access group, annotations, zod input and output
 * schemas and its run; this file is the one list of them.
 *
 * @module
 */
import { addDrillingRecord } from "./add-drilling-record.ts";
import { analyzeNpt } from "./analyze-npt.ts";
import { analyzeRop } from "./analyze-rop.ts";
import { compareWellsTool } from "./compare-wells.ts";
import { computeMse } from "./compute-mse.ts";
import type { ToolDef } from "../call/define-tool.ts";
import { deleteDrillingRecord } from "./delete-drilling-record.ts";
import { exportAllData } from "./export-all-data.ts";
import { getDrillingActivities } from "./get-drilling-activities.ts";
import { getDrillingCurve } from "./get-drilling-curve.ts";
import { getPeriodReport } from "./get-period-report.ts";
import { getKeyWellDaily } from "./get-key-well-daily.ts";
import { getPreDrillingMilestones } from "./get-pre-drilling-milestones.ts";
import { getStatistics } from "./get-statistics.ts";
import { getRecordHistory } from "./get-record-history.ts";
import { getWellSummary } from "./get-well-summary.ts";
import { grantAccess } from "./grant-access.ts";
import { importData } from "./import-data.ts";
import { listAccess } from "./list-access.ts";
import { listWells } from "./list-wells.ts";
import { purgeDrillingRecord } from "./purge-drilling-record.ts";
import { queryAuditLog } from "./query-audit-log.ts";
import { queryDrillingData } from "./query-drilling-data.ts";
import { revokeAccess } from "./revoke-access.ts";
import { saveDrillingDaily } from "./save-drilling-daily.ts";
import { saveKeyWellDaily } from "./save-key-well-daily.ts";
import { saveWell } from "./save-well.ts";
import { restoreDrillingRecord } from "./restore-drilling-record.ts";
import { undoRecordChange } from "./undo-record-change.ts";
import { updateDrillingRecord } from "./update-drilling-record.ts";

/**
 * Every tool the server offers, in listing order: the one list of tools. Who may call one follows from the `group` in
 * its definition (lib/permissions.ts grants groups to roles). A new tool is also named in its group's row of the
 * README's role table and in one toolset of lib/mcp/toolsets.ts (test/readme-roles.test.ts and test/mcp/toolsets.test.ts).
 */
export const TOOLS: readonly ToolDef[] = [
  queryDrillingData,
  listWells,
  getWellSummary,
  analyzeRop,
  analyzeNpt,
  getDrillingCurve,
  compareWellsTool,
  computeMse,
  addDrillingRecord,
  updateDrillingRecord,
  deleteDrillingRecord,
  exportAllData,
  getKeyWellDaily,
  getPreDrillingMilestones,
  getStatistics,
  getPeriodReport,
  getDrillingActivities,
  listAccess,
  grantAccess,
  revokeAccess,
  saveWell,
  saveDrillingDaily,
  saveKeyWellDaily,
  importData,
  getRecordHistory,
  undoRecordChange,
  restoreDrillingRecord,
  purgeDrillingRecord,
  queryAuditLog,
];
