import { test } from "node:test";
import assert from "node:assert/strict";
import { readCampaignJsonl } from "../../../lib/import/witsml/campaign-jsonl.ts";

const line = (o: Record<string, unknown>) =>
  JSON.stringify({
    wellbore: "15/9-F-4",
    state: "ok",
    remark: "r",
    activity_raw: "drilling -- drill",
    ...o,
  });

test("lines are grouped by the day their period ends; an end at or before the start is the next day; depth only grows", () => {
  const text = [
    // F-4 style: report_date is the period's start, period_end names the day.
    line({
      report_date: "2008-02-13",
      period_start: "2008-02-13 00:00",
      period_end: "2008-02-14 00:00",
      start_time: "16:00",
      end_time: "00:00",
      end_depth_md: "3035",
    }),
    // F-12 style: period_start_date / period_end_date.
    line({
      report_date: "2008-02-15",
      period_start_date: "2008-02-14",
      period_end_date: "2008-02-15",
      start_time: "00:00",
      end_time: "06:30",
      end_depth_md: "3040",
    }),
    line({
      report_date: "2008-02-15",
      period_start_date: "2008-02-14",
      period_end_date: "2008-02-15",
      start_time: "06:30",
      end_time: "00:00",
      end_depth_md: "0",
      activity_raw: "interruption -- fish",
    }),
    "",
  ].join("\n");
  const days = readCampaignJsonl(text, "c.jsonl");
  assert.deepEqual(
    days.map((
      d,
    ) => [d.report_date, d.daily.depth_m, d.daily.footage_m ?? null, d.activities.length]),
    [
      ["2008-02-14", 3035, null, 1],
      ["2008-02-15", 3040, 5, 2],
    ],
  );
  assert.deepEqual(days[0].activities[0], {
    report_date: "2008-02-14",
    start_time: "2008-02-13T16:00",
    end_time: "2008-02-14T00:00",
    utc_offset: null,
    hours: 8,
    depth_m: 3035,
    phase: null,
    activity_code: "drilling -- drill",
    state: "ok",
    state_detail: null,
    comment: "r",
    source: "c.jsonl",
  });
  assert.deepEqual(days[1].activities.map((a) => a.hours), [6.5, 17.5]);
  assert.equal(days[1].daily.depth_m, 3040, "a trip out to 0 m does not make the hole shallower");
});

test("a broken line is refused naming the file, the field and the line", () => {
  const ok = line({ report_date: "2008-02-15", start_time: "00:00", end_time: "06:30" });
  assert.throws(
    () => readCampaignJsonl(`${ok}\n{"wellbore": "x"`, "c.jsonl"),
    /文件 "c\.jsonl" 的 \(line\)（第 2 行）.*not JSON \(truncated file\?\)/,
  );
  assert.throws(
    () =>
      readCampaignJsonl(
        line({ report_date: "2008-02-15", start_time: "25:00", end_time: "06:30" }),
        "c.jsonl",
      ),
    /"start_time" \(line 1\): not HH:MM "25:00"/,
  );
  assert.throws(
    () =>
      readCampaignJsonl(
        line({
          report_date: "2008-02-15",
          start_time: "00:00",
          end_time: "06:30",
          end_depth_md: "deep",
        }),
        "c.jsonl",
      ),
    /not a depth "deep"/,
  );
  assert.throws(
    () =>
      readCampaignJsonl(
        line({ wellbore: "", report_date: "2008-02-15", start_time: "00:00", end_time: "06:30" }),
        "c.jsonl",
      ),
    /the wellbore is missing/,
  );
  assert.throws(() => readCampaignJsonl("\n\n", "c.jsonl"), /holds no activity lines/);
  assert.throws(() => readCampaignJsonl("[1]", "c.jsonl"), /not a JSON object/);
});
