import { addDrillingRecord } from "./add-drilling-record.ts";
import type { ToolDef } from "./define.ts";
import { deleteDrillingRecord } from "./delete-drilling-record.ts";
import { exportAllData } from "./export-all-data.ts";
import { getRecordHistory } from "./get-record-history.ts";
import { getWellSummary } from "./get-well-summary.ts";
import { listWells } from "./list-wells.ts";
import { purgeDrillingRecord } from "./purge-drilling-record.ts";
import { queryAuditLog } from "./query-audit-log.ts";
import { queryDrillingData } from "./query-drilling-data.ts";
import { restoreDrillingRecord } from "./restore-drilling-record.ts";
import { undoRecordChange } from "./undo-record-change.ts";
import { updateDrillingRecord } from "./update-drilling-record.ts";

/** Every tool the server offers, in listing order. Add a new tool here and grant it in lib/permissions.ts. */
export const TOOLS: readonly ToolDef[] = [
  queryDrillingData,
  listWells,
  getWellSummary,
  addDrillingRecord,
  updateDrillingRecord,
  deleteDrillingRecord,
  exportAllData,
  getRecordHistory,
  undoRecordChange,
  restoreDrillingRecord,
  purgeDrillingRecord,
  queryAuditLog,
] as unknown as readonly ToolDef[];
