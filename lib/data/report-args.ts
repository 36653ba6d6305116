import { z } from "zod";
import type { Executor } from "../db/db.ts";
import type { DateSelection } from "../words/dates.ts";
import { DATE_HINT, dateWordArg, readDateArg } from "./date-arg.ts";
import type { DateClock } from "./date-arg.ts";
import { namedWells } from "./named-wells.ts";
import { resolveNamedWells } from "./resolve-wells.ts";
import type { WellResolution } from "./resolve-wells.ts";

const wellArg = z.string().trim().min(1).max(64);

/** Arguments of the report tools: one or several wells, one date or several, or the latest. */
export const reportArgsShape = {
  well_id: wellArg.optional().describe("井号，照用户写法 / well id as typed"),
  well_ids: z.array(wellArg).min(1).max(100).optional(),
  date: dateWordArg.default("latest").describe(`日期或范围，${DATE_HINT}；latest=最新一天 / date`),
  dates: z.array(dateWordArg).min(1).max(31).optional().describe(
    "多个日期或范围，代替 date / several dates",
  ),
  limit: z.number().int().min(1).max(500).default(50),
  offset: z.number().int().min(0).max(1_000_000).default(0),
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
export async function resolveReportArgs(
  db: Executor,
  args: ReportArgs,
  clock: DateClock,
): Promise<ResolvedReportArgs> {
  const wells = await resolveNamedWells(db, args);
  const ids = [...new Set(wells.flatMap((w) => (w.well_id ? [w.well_id] : [])))];
  const selections = (args.dates ?? [args.date]).map((d, i) =>
    readDateArg(args.dates ? `dates[${i}]` : "date", d, clock)
  );
  return {
    wellIds: namedWells(args).length ? ids : null,
    wells,
    selections,
    dates_used: selections.map((s) => s.label),
  };
}
