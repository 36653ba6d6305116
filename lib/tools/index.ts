import { addDrillingRecord } from "./add-drilling-record.ts";
import type { ToolDef } from "./define.ts";
import { deleteDrillingRecord } from "./delete-drilling-record.ts";
import { exportAllData } from "./export-all-data.ts";
import { getDailyReport } from "./get-daily-report.ts";
import { getKeyWellDaily } from "./get-key-well-daily.ts";
import { getPreDrillingMilestones } from "./get-pre-drilling-milestones.ts";
import { getStatistics } from "./get-statistics.ts";
import { getWellSummary } from "./get-well-summary.ts";
import { listWells } from "./list-wells.ts";
import { queryDrillingData } from "./query-drilling-data.ts";
import { searchWells } from "./search-wells.ts";
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
  searchWells,
  getDailyReport,
  getKeyWellDaily,
  getPreDrillingMilestones,
  getStatistics,
] as unknown as readonly ToolDef[];
