import { z } from "zod";
import type { Executor } from "../db/db.ts";
import { DATE_HINT, dateWordArg, readDateArg, readDateRangeArg } from "./date-arg.ts";
import type { DateClock } from "./date-arg.ts";
import { requireResolved, resolveNamedWells } from "./resolve-wells.ts";
import type { WellResolution } from "./resolve-wells.ts";

const wellArg = z.string().trim().min(1).max(64);

/**
 * The filters every drilling-daily tool accepts (query, analyses, exports). Well ids and
 * dates are typed as people type them; call {@link resolveDailyFilter} before {@link dailyWhere}.
 */
export const dailyFilterShape = {
  well_id: wellArg.optional().describe("井号，照用户写法 / well id as typed"),
  well_ids: z.array(wellArg).min(1).max(100).optional(),
  date: dateWordArg.optional().describe(
    `日期或范围，${DATE_HINT}、latest（每井最新） / a day, range or words`,
  ),
  date_from: dateWordArg.optional(),
  date_to: dateWordArg.optional(),
  depth_min_m: z.number().min(0).max(20000).optional(),
  depth_max_m: z.number().min(0).max(20000).optional(),
  formation: z.string().trim().min(1).max(100).optional().describe(
    "地层，包含匹配，如 八道湾 / formation, substring",
  ),
};

/** A filter as {@link dailyWhere} takes it: stored well ids and `YYYY-MM-DD` dates. */
export interface DailyFilter {
  well_id?: string;
  well_ids?: string[];
  /** Only each selected well's newest live report. */
  latest?: boolean;
  date_from?: string;
  date_to?: string;
  depth_min_m?: number;
  depth_max_m?: number;
  formation?: string;
}

/** Arguments of {@link dailyFilterShape} as typed. */
export type DailyFilterArgs = Omit<DailyFilter, "latest"> & { date?: string };

/** A typed filter made concrete, with what was read from the user's words. */
export interface ResolvedDailyFilter {
  readonly filter: DailyFilter;
  readonly wells: WellResolution[];
  /** `昨天 yesterday = 2026-11-20`, or null when no date was given. */
  readonly dates_used: string | null;
}

/**
 * Resolves typed well ids (ambiguous or unknown → ToolError with candidates, never a guess)
 * and date words on `clock` (unreadable → ToolError saying what is accepted). `date` is a
 * day, range or `latest`; date_from / date_to take the start / end of what they name.
 */
export async function resolveDailyFilter(
  db: Executor,
  args: DailyFilterArgs,
  clock: DateClock,
): Promise<ResolvedDailyFilter> {
  const wells = await resolveNamedWells(db, args);
  const ids = requireResolved(wells);
  const { date, well_id: _one, well_ids: _many, date_from: _from, date_to: _to, ...rest } = args;
  const filter: DailyFilter = { ...rest, ...(ids.length ? { well_ids: ids } : {}) };
  const used: string[] = [];
  if (date !== undefined) {
    const sel = readDateArg("date", date, clock);
    if (sel.kind === "latest") filter.latest = true;
    else (filter.date_from = sel.from, filter.date_to = sel.to);
    used.push(sel.label);
  }
  if (args.date_from !== undefined) {
    const sel = readDateRangeArg("date_from", args.date_from, clock);
    filter.date_from = filter.date_from && filter.date_from > sel.from
      ? filter.date_from
      : sel.from;
    used.push(`起 from ${sel.label}`);
  }
  if (args.date_to !== undefined) {
    const sel = readDateRangeArg("date_to", args.date_to, clock);
    filter.date_to = filter.date_to && filter.date_to < sel.to ? filter.date_to : sel.to;
    used.push(`止 to ${sel.label}`);
  }
  return { filter, wells, dates_used: used.length ? used.join("；") : null };
}

// In their own file so the database threads (lib/data/analysis-fetch.ts) load them without zod.
export { dailyWhere, describeFilter } from "./daily-where.ts";
export type { Where } from "./daily-where.ts";
