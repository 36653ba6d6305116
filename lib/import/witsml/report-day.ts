import type { ColumnValue } from "../../schema/column.ts";

/** How one figure of a report was obtained, for the import's answer. */
export interface FigureSource {
  /** drilling_daily column, e.g. `footage_m`. */
  readonly field: string;
  readonly value: ColumnValue;
  /** Where it came from, e.g. `statusInfo/distDrill (m)`; `—` when the source does not give it. */
  readonly how: string;
  /** Short label of the source, the same for every day read from it (stored in report_figures); absent when not stored. */
  readonly kind?: string;
}

/** One report day read from a drillReport file or a campaign's activity lines, before its well is matched. */
export interface ReportDay {
  /** The file it came from. */
  readonly file: string;
  /** Names the report gives its wellbore, in the order they are tried against stored wells. */
  readonly wellNames: readonly string[];
  /** The id a new well gets when none of the names is stored (the NPD code when given). */
  readonly newWellId: string;
  /** The well's full name (e.g. `NO 15/9-F-12`), stored as the new well's name. */
  readonly wellName: string | null;
  /** Operator and spud date for a new well master row. */
  readonly operator: string | null;
  readonly report_date: string;
  /** drilling_daily values without well_id; only the fields the source gives. */
  readonly daily: Readonly<Record<string, ColumnValue>>;
  readonly figures: readonly FigureSource[];
  /** drilling_activities values without well_id. */
  readonly activities: readonly Readonly<Record<string, ColumnValue>>[];
}

/** A drillReport or campaign file that cannot be read; nothing of any file of the batch is written. */
export class ReportFileError extends Error {
  override name = "ReportFileError";
  constructor(file: string, element: string, line: number | null, zh: string, en: string) {
    const at = line === null ? "" : `（第 ${line} 行）`;
    const atEn = line === null ? "" : ` (line ${line})`;
    super(`文件 "${file}" 的 ${element}${at}：${zh} / file "${file}", ${element}${atEn}: ${en}`);
  }
}

const STAMP = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:\d{2})?$/;

/** A WITSML date-time split into its local wall clock (`YYYY-MM-DDTHH:MM`), its offset and its instant. */
export interface Stamp {
  readonly local: string;
  readonly date: string;
  /** `+01:00`, `Z`, or null when the text carries none. */
  readonly offset: string | null;
  /** Milliseconds since the epoch (the wall clock read as UTC when there is no offset). */
  readonly ms: number;
}

/** Reads `2007-12-02T00:15:00+01:00`; null when it is not such a date-time or names a day that does not exist. */
export function readStamp(text: string): Stamp | null {
  const m = STAMP.exec(text.trim());
  if (!m) return null;
  const [, date, hh, mm, ss, zone] = m;
  if (Number(hh) > 23 || Number(mm) > 59 || Number(ss ?? 0) > 59) return null;
  const wall = Date.parse(`${date}T00:00:00Z`);
  if (Number.isNaN(wall) || new Date(wall).toISOString().slice(0, 10) !== date) return null;
  const offsetMin = !zone || zone === "Z"
    ? 0
    : (zone[0] === "-" ? -1 : 1) * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(4, 6)));
  const ms = wall + ((Number(hh) * 60 + Number(mm)) * 60 + Number(ss ?? 0)) * 1000 -
    offsetMin * 60_000;
  return { local: `${date}T${hh}:${mm}`, date, offset: zone ?? null, ms };
}
