/** A calendar date with no time or zone: month 1–12, day 1–31. */
export type CivilDate = { readonly year: number; readonly month: number; readonly day: number };

const DAY_MS = 86_400_000;

/** Today's date on the wall calendar of an IANA time zone (e.g. `Asia/Shanghai`) at instant `now`. */
export function todayIn(now: Date, timeZone: string): CivilDate {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone,
    year: "numeric",
    month: "numeric",
    day: "numeric",
  }).formatToParts(now);
  const part = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return { year: part("year"), month: part("month"), day: part("day") };
}

/** Number of days in a month of the Gregorian calendar. */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** True if the date exists (years 1000–9999, so `Date.UTC` never reads a two-digit year). */
export function isValidCivilDate(year: number, month: number, day: number): boolean {
  return Number.isInteger(year) && year >= 1000 && year <= 9999 &&
    Number.isInteger(month) && month >= 1 && month <= 12 &&
    Number.isInteger(day) && day >= 1 && day <= daysInMonth(year, month);
}

function fromEpochDay(ms: number): CivilDate {
  const d = new Date(ms);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

function toEpochMs(d: CivilDate): number {
  return Date.UTC(d.year, d.month - 1, d.day);
}

/** The date `n` days later (negative `n`: earlier). */
export function addDays(d: CivilDate, n: number): CivilDate {
  return fromEpochDay(toEpochMs(d) + n * DAY_MS);
}

/** `YYYY-MM-DD` plus `days` days (negative: earlier), as `YYYY-MM-DD`. */
export function addDaysToIsoDate(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** The same day `n` months later, clamped to the month's last day (03-31 minus 1 month → 02-28). */
export function addMonths(d: CivilDate, n: number): CivilDate {
  const index = d.year * 12 + (d.month - 1) + n;
  const year = Math.floor(index / 12);
  const month = index - year * 12 + 1;
  return { year, month, day: Math.min(d.day, daysInMonth(year, month)) };
}

/** Day of the week, 1 = Monday … 7 = Sunday. */
export function isoWeekday(d: CivilDate): number {
  const sunday0 = new Date(toEpochMs(d)).getUTCDay();
  return sunday0 === 0 ? 7 : sunday0;
}

/** `YYYY-MM-DD`. */
export function formatCivilDate(d: CivilDate): string {
  const pad = (n: number, w: number) => String(n).padStart(w, "0");
  return `${pad(d.year, 4)}-${pad(d.month, 2)}-${pad(d.day, 2)}`;
}
