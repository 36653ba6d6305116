/** What `resolveDates` accepts, bilingual, for error messages and tool descriptions. */
export const ACCEPTED_DATES =
  "请用 use YYYY-MM-DD, 2021/3/5, 2021.3.5, 20210305, 2021年3月5日; 月份 month 2021-03, 2021年3月; " +
  "范围 range 2021-03-01~2021-03-05 (~, 至, 到, to, ..); 今天 today, 昨天 yesterday, " +
  "前天 day before yesterday, 本周 this week, 上周 last week, 本月 this month, 上月 last month, " +
  "今年 this year, 去年 last year, 最近7天 last 7 days, 最近一个月, 最新 latest";

/**
 * A date the user gave that cannot be used: unreadable, impossible (2021-02-30) or a
 * reversed range. `message` is bilingual and says what is accepted; `input` is the raw value.
 */
export class DateInputError extends Error {
  /** The value exactly as the caller passed it. */
  readonly input: string;

  /** `zh` / `en` say what is wrong, e.g. `无法识别日期` / `cannot read date`. */
  constructor(input: string, zh: string, en: string, detail = ACCEPTED_DATES) {
    super(`${zh} "${input}" / ${en} "${input}": ${detail}`);
    this.name = "DateInputError";
    this.input = input;
  }
}
