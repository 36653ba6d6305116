import { z } from "zod";
import type { Executor } from "../db.ts";
import type { DateSelection } from "../words/dates.ts";
import { DATE_WORDS_HELP, dateWordArg, readDateArg } from "./date-arg.ts";
import type { DateClock } from "./date-arg.ts";
import { resolveWells } from "./resolve-wells.ts";
import type { WellResolution } from "./resolve-wells.ts";

const wellArg = z.string().trim().min(1).max(64);

/** Arguments of the report tools: one or several wells, one date or several, or the latest. */
export const reportArgsShape = {
  well_id: wellArg.optional().describe("井号 well id as typed, e.g. 石南301, 102井, W001 (full-width, spaces, 井 tolerated)"),
  well_ids: z.array(wellArg).min(1).max(100).optional().describe("多口井 several well ids in one call (up to 100)"),
  date: dateWordArg.default("latest").describe(`日期，默认 latest（最新一天）/ date, default latest (each well's newest report). ${DATE_WORDS_HELP}`),
  dates: z.array(dateWordArg).min(1).max(31).optional().describe("多个日期或范围 several dates or ranges, e.g. [\"2026-11-01\", \"昨天\"]; replaces date"),
  limit: z.number().int().min(1).max(500).default(50).describe("最多返回条数 most reports to return (1–500, default 50)"),
  offset: z.number().int().min(0).max(1_000_000).default(0).describe("跳过条数 reports to skip, for paging"),
};

/** Typed report arguments. */
export interface ReportArgs {
  well_id?: string;
  well_ids?: string[];
  date: string;
  dates?: string[];
  limit: number;
  offset: number;
}

/** Report arguments made concrete. `wellIds` null means every well; empty means none resolved. */
export interface ResolvedReportArgs {
  readonly wellIds: string[] | null;
  readonly wells: WellResolution[];
  readonly selections: DateSelection[];
  readonly dates_used: string[];
}

/** Resolves typed wells (unresolved ones stay listed with candidates) and date words on `clock`. */
export async function resolveReportArgs(db: Executor, args: ReportArgs, clock: DateClock): Promise<ResolvedReportArgs> {
  const typed = [...(args.well_id ? [args.well_id] : []), ...(args.well_ids ?? [])];
  const wells = typed.length ? await resolveWells(db, typed) : [];
  const ids = [...new Set(wells.flatMap((w) => (w.well_id ? [w.well_id] : [])))];
  const selections = (args.dates ?? [args.date]).map((d, i) => readDateArg(args.dates ? `dates[${i}]` : "date", d, clock));
  return { wellIds: typed.length ? ids : null, wells, selections, dates_used: selections.map((s) => s.label) };
}
