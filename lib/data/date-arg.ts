import { z } from "zod";
import { ToolError } from "../call/tool-error.ts";
import { DateInputError, resolveDates } from "../words/dates.ts";
import type { DateSelection } from "../words/dates.ts";

/** The clock and zone a tool reads date words with (a ToolContext has both). */
export interface DateClock {
  readonly now: () => Date;
  readonly timeZone: string;
}

/** zod for a date argument as people type it: a day, a range, a word or `latest`. */
export const dateWordArg = z.string().trim().min(1).max(60);

/** The short form of ACCEPTED_DATES (lib/words/date-error.ts, what error messages list) a parameter description carries. */
export const DATE_HINT = "如 2021-03-05、2021-03、2021-03-01~2021-03-05、昨天、上周、最近7天";

/**
 * Reads a date argument with `resolveDates` on the caller's clock and zone. An
 * unreadable one becomes an `invalid` ToolError that names `field` and says what is accepted.
 */
export function readDateArg(field: string, input: string, clock: DateClock): DateSelection {
  try {
    return resolveDates(input, { now: clock.now(), timeZone: clock.timeZone });
  } catch (error) {
    if (error instanceof DateInputError) {
      throw new ToolError("invalid", `${field}: ${error.message}`);
    }
    throw error;
  }
}

/** A date range argument; `latest` is refused where only a range makes sense (date_from, date_to). */
export function readDateRangeArg(
  field: string,
  input: string,
  clock: DateClock,
): { from: string; to: string; label: string } {
  const selection = readDateArg(field, input, clock);
  if (selection.kind === "latest") {
    throw new ToolError(
      "invalid",
      `${field} 不能为 "${input}"：最新请用 date="latest" / ${field} cannot be "${input}": for the latest report use date="latest"`,
    );
  }
  return selection;
}
