import type { Db, Executor } from "../db/db.ts";
import { createSqlWellLookup } from "../data/well-lookup.ts";
import { normalizeWellId } from "../words/well-id.ts";
import type { WriteRow } from "../write/plan-chunk.ts";
import type { AppliedRow } from "../write/apply-chunk.ts";
import type { RowPlan } from "../write/plan-chunk.ts";
import {
  DRILLING_ACTIVITIES_TARGET,
  DRILLING_DAILY_TARGET,
  WELLS_TARGET,
} from "../write/targets.ts";
import { upsertRows } from "../write/upsert-rows.ts";
import { recordChecker } from "../write/validate-record.ts";
import type { ColumnValue } from "../schema/column.ts";
import { ImportFileError } from "./import-file.ts";
import type { ImportSummary, ReportImportDetail } from "./import-summary.ts";
import { removeStaleActivities } from "./stale-activities.ts";
import { refreshNptOfDays } from "../data/daily-npt.ts";
import { saveReportFigures } from "../data/report-figures.ts";
import type { DayFigures } from "../data/report-figures.ts";
import type { RowRejection } from "./types.ts";
import { ReportFileError } from "./witsml/report-day.ts";
import type { ReportDay } from "./witsml/report-day.ts";
import { readReportFile } from "./witsml/report-file.ts";
import type { ReportFile } from "./witsml/report-file.ts";

/** Options of importReports. */
export interface ImportReportsOptions {
  readonly dryRun: boolean;
  readonly actor: string;
  readonly onStart?: (rows: number) => void;
  readonly onProgress?: (done: number) => void;
  readonly now?: () => number;
}

/** The stored well each report day belongs to: an existing well found by one of its names, or a new one. */
async function matchWells(db: Executor, days: readonly ReportDay[]) {
  const lookup = createSqlWellLookup(db);
  const found = new Map<string, { wellId: string; created: boolean }>();
  const matched = new Map<string, string>();
  const created = new Map<string, ReportDay>();
  for (const day of days) {
    const sig = JSON.stringify(day.wellNames);
    if (found.has(sig)) continue;
    let hit: string | null = null;
    // Only exact matches: a prefix or part match (resolveWellId's later steps) would file F-1 under F-12.
    for (const name of day.wellNames) {
      const key = normalizeWellId(name);
      const ids = [...new Set([...(await lookup.byKey(key)), ...(await lookup.byName(key, 10))])];
      if (ids.length > 1) {
        throw new ImportFileError(
          `文件 "${day.file}" 的井名 "${name}" 对应多口井 ${
            ids.join(", ")
          }：请先合并或改名 / file "${day.file}": well name "${name}" matches several wells ${
            ids.join(", ")
          }: merge or rename them first`,
        );
      }
      if (ids.length === 1) {
        hit = ids[0];
        break;
      }
    }
    if (hit !== null) {
      matched.set(day.wellNames.join(" / "), hit);
      found.set(sig, { wellId: hit, created: false });
      continue;
    }
    const key = normalizeWellId(day.newWellId);
    const same = [...created.values()].find((d) => normalizeWellId(d.newWellId) === key);
    if (!same) created.set(day.newWellId, day);
    found.set(sig, { wellId: same?.newWellId ?? day.newWellId, created: true });
  }
  return {
    wellOf: (day: ReportDay) => found.get(JSON.stringify(day.wellNames))!.wellId,
    matched,
    created,
  };
}

const count = (plans: readonly (RowPlan | AppliedRow)[], kind: string) =>
  plans.filter((p) => p.kind === kind).length;

/**
 * Imports WITSML drillReport XML files and campaign activity files (JSONL) as drilling daily
 * reports with their activities. Every file is read first: one that is malformed, truncated or
 * foreign refuses the whole batch (an ImportFileError naming the file and element) and nothing
 * is written. Each report day's well is found by its names (exact id or alias) or created;
 * the reports, then their activities, are upserted by natural key in ONE transaction, and a
 * re-imported day's activities the file no longer lists are soft-deleted. Importing the same
 * files again changes nothing. A dry run plans the same and writes nothing.
 */
export async function importReports(
  db: Db,
  files: readonly ReportFile[],
  options: ImportReportsOptions,
): Promise<ImportSummary> {
  const now = options.now ?? (() => performance.now());
  const started = now();
  const days: ReportDay[] = [];
  for (const f of files) {
    try {
      days.push(...readReportFile(f));
    } catch (error) {
      if (error instanceof ReportFileError) throw new ImportFileError(error.message);
      throw error;
    }
  }
  const { wellOf, matched, created } = await matchWells(db, days);
  const wellRows: WriteRow[] = [...created.values()].map((d, i) => ({
    row: i + 1,
    values: {
      well_id: d.newWellId,
      name: d.wellName,
      ...(d.operator ? { operator: d.operator } : {}),
      ...(d.daily.spud_date ? { spud_date: d.daily.spud_date } : {}),
    },
  }));
  const checkDaily = recordChecker(DRILLING_DAILY_TARGET);
  const checkActivity = recordChecker(DRILLING_ACTIVITIES_TARGET);
  const rejected: RowRejection[] = [];
  const dailyRows: WriteRow[] = [];
  const activityRows: WriteRow[] = [];
  const activityDays: { well_id: string; report_date: string; starts: string[] }[] = [];
  const figureDays: DayFigures[] = [];
  let activityRowNo = 0;
  // The same well day from several files of one batch (e.g. a report's XML and its campaign lines):
  // the later file wins, as the last row of a repeated key does in a table import, and the summary says so.
  const dayKey = (d: ReportDay) => `${wellOf(d)} ${d.report_date}`;
  const holders = new Map<string, number[]>();
  days.forEach((d, i) => holders.set(dayKey(d), [...(holders.get(dayKey(d)) ?? []), i]));
  const repeated = [...holders.values()].filter((list) => list.length > 1);
  days.forEach((day, i) => {
    const well_id = wellOf(day);
    const same = holders.get(dayKey(day))!;
    if (same.at(-1) !== i) return;
    const where = `${day.file} ${well_id} ${day.report_date}`;
    const checked = checkDaily({ well_id, ...day.daily });
    if (!checked.ok) {
      for (const p of checked.problems) {
        rejected.push({
          row: i + 1,
          column: p.column,
          value: p.value,
          reason: `${where}: ${p.reason}`,
        });
      }
      return;
    }
    dailyRows.push({ row: i + 1, values: checked.values });
    // The value as stored (after checking), so a reader can tell whether it is still the report's.
    figureDays.push({
      well_id,
      report_date: day.report_date,
      figures: day.figures.map((f) => ({ ...f, value: checked.values[f.field] ?? null })),
    });
    const starts: string[] = [];
    for (const a of day.activities) {
      activityRowNo++;
      const c = checkActivity({ well_id, ...a });
      if (!c.ok) {
        for (const p of c.problems) {
          rejected.push({
            row: i + 1,
            column: `activity.${p.column}`,
            value: p.value,
            reason: `${where} ${String(a.start_time)}: ${p.reason}`,
          });
        }
        continue;
      }
      activityRows.push({ row: activityRowNo, values: c.values });
      starts.push(String(c.values.start_time));
    }
    activityDays.push({ well_id, report_date: day.report_date, starts });
  });
  options.onStart?.(dailyRows.length + activityRows.length);
  const run = async (tx: Executor, apply: boolean) => {
    const opts = { actor: options.actor, apply };
    const wells = await upsertRows(tx, WELLS_TARGET, wellRows, opts);
    const daily = await upsertRows(tx, DRILLING_DAILY_TARGET, dailyRows, {
      ...opts,
      onProgress: (n) => options.onProgress?.(n),
    });
    const activities = await upsertRows(tx, DRILLING_ACTIVITIES_TARGET, activityRows, {
      ...opts,
      onProgress: (n) => options.onProgress?.(dailyRows.length + n),
    });
    const removed = await removeStaleActivities(tx, activityDays, options.actor, apply);
    // The day's activity lines decide its NPT (lib/data/daily-npt.ts), so it is derived again once they are written.
    if (apply) await refreshNptOfDays(tx, activityDays);
    if (apply) {
      const written = new Set(
        daily.filter((p) => p.kind !== "rejected").map((p) =>
          `${p.values.well_id} ${p.values.report_date}`
        ),
      );
      await saveReportFigures(
        tx,
        figureDays.filter((d) => written.has(`${d.well_id} ${d.report_date}`)),
      );
    }
    return { wells, daily, activities, removed };
  };
  const result = options.dryRun
    ? await run(db, false)
    : await db.transaction((tx) => run(tx, true));
  for (const p of [...result.wells, ...result.daily, ...result.activities]) {
    if (p.kind === "rejected") { for (const q of p.problems) rejected.push({ row: p.row, ...q }); }
  }
  const seconds = (now() - started) / 1000;
  const byKey = new Map(
    result.daily.map((p) => [`${p.values.well_id} ${p.values.report_date}`, p.kind]),
  );
  const reports: ReportImportDetail["reports"] = days.map((d, i) => {
    const well_id = wellOf(d);
    const winner = holders.get(dayKey(d))!.at(-1)!;
    if (winner !== i) {
      return {
        file: d.file,
        well_id,
        report_date: d.report_date,
        action: `superseded by ${days[winner].file}`,
        activities: d.activities.length,
        figures: [],
      };
    }
    return {
      file: d.file,
      well_id,
      report_date: d.report_date,
      action: byKey.get(`${well_id} ${d.report_date}`) ?? "rejected",
      activities: d.activities.length,
      figures: d.figures.map((f) => ({
        field: f.field,
        value: f.value as ColumnValue,
        how: f.how,
      })),
    };
  });
  const detail: ReportImportDetail = {
    files: files.map((f) => f.name),
    wells_created: [...created.keys()],
    wells_matched: [...matched].map(([names, well_id]) => ({ names, well_id })),
    activities: {
      read: activityRows.length,
      inserted: count(result.activities, "insert"),
      updated: count(result.activities, "update"),
      unchanged: count(result.activities, "unchanged"),
      rejected: count(result.activities, "rejected"),
      removed: result.removed,
    },
    reports,
    superseded: repeated.map((list) => ({
      well_id: wellOf(days[list[0]]),
      report_date: days[list[0]].report_date,
      files: list.map((i) => days[i].file),
    })),
  };
  const rowsRead = days.length;
  return {
    file: files.length === 1 ? files[0].name : `${files.length} files`,
    table: "drilling_daily",
    format: files.every((f) => /\.jsonl$/i.test(f.name)) ? "jsonl" : "witsml",
    encoding: null,
    dry_run: options.dryRun,
    rows_read: rowsRead,
    inserted: count(result.daily, "insert"),
    updated: count(result.daily, "update"),
    unchanged: count(result.daily, "unchanged"),
    rejected:
      new Set(rejected.filter((r) => !r.column.startsWith("activity.")).map((r) => r.row)).size,
    rejected_rows: rejected,
    blank_rows: 0,
    duplicate_keys: repeated.map((list) => ({
      key: [wellOf(days[list[0]]), days[list[0]].report_date],
      rows: list.map((i) => i + 1),
    })),
    unknown_columns: [],
    not_in_master: null,
    seconds: Math.round(seconds * 100) / 100,
    rows_per_second: seconds > 0 ? Math.round(rowsRead / seconds) : rowsRead,
    report: detail,
  };
}
