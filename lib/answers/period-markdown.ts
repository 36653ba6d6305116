import { fmt } from "../analysis/format.ts";
import { markdownTable } from "./markdown-table.ts";
import { nptSourceNote } from "../analysis/npt.ts";
import type { PeriodReport } from "../analysis/period-report.ts";

/** Most events listed in the Markdown; the text then says how to see the rest. */
export const MARKDOWN_EVENTS = 30;

const range = (
  lo: number | null,
  hi: number | null,
  d = 2,
) => (lo === null || hi === null ? "—" : lo === hi ? fmt(lo, d) : `${fmt(lo, d)}–${fmt(hi, d)}`);

function summaryLines(r: PeriodReport): string[] {
  const s = r.summary;
  const lines = [
    `- 报告日 Report days: ${s.report_days}（${r.subject.from} – ${r.subject.to}，${r.calendar_days} 天 days）`,
    ...(r.subject.scope === "block"
      ? [
        `- 井数 Wells: ${r.wells.length} 口有日报 reporting（区块共 ${
          r.subject.wells_in_block ?? "—"
        } 口 in the block）`,
      ]
      : []),
    ...(r.subject.scope === "well"
      ? [`- 井深 Depth: ${fmt(s.depth_from_m, 0)} → ${fmt(s.depth_to_m, 0)} m`]
      : []),
    `- 进尺 Footage: ${fmt(s.footage_m, 0)} m（日进尺 ${
      fmt(s.metres_per_day_m_d)
    } m/d per report day）`,
    `- 平均钻速 ROP: ${fmt(s.rop_m_h, 2)} m/h（按纯钻时间加权 weighted by on-bottom hours, ${
      fmt(s.on_bottom_hours_h)
    } h）`,
    `- 非生产时间 NPT: ${fmt(s.npt_h)} h${
      s.npt_share_pct === null ? "" : `，占 ${fmt(s.npt_share_pct)}% of time`
    }`,
    `- 钻井液密度 Mud density: ${range(s.mud_density_min_g_cm3, s.mud_density_max_g_cm3)} g/cm³`,
  ];
  return lines;
}

function wellsTable(r: PeriodReport): string {
  const bench = r.ranking?.benchmark_well ?? null;
  return markdownTable(
    [
      "排名 Rank",
      "井号 Well",
      "报告日 Days",
      "井深 Depth m",
      "进尺 Footage m",
      "日进尺 m/d",
      "钻速 ROP m/h",
      "NPT h",
      "NPT %",
      "密度 Mud g/cm³",
    ],
    r.wells.map((
      w,
      i,
    ) => [
      i + 1,
      w.well_id === bench ? `${w.well_id} ★` : w.well_id,
      w.report_days,
      `${fmt(w.depth_from_m, 0)} → ${fmt(w.depth_to_m, 0)}`,
      w.footage_m,
      w.metres_per_day_m_d,
      w.rop_m_h === null ? null : fmt(w.rop_m_h, 2),
      w.npt_h,
      w.npt_share_pct,
      range(w.mud_density_min_g_cm3, w.mud_density_max_g_cm3),
    ]),
  );
}

/** The report as Markdown an engineer pastes into the weekly report (Chinese first, English after). */
export function periodMarkdown(r: PeriodReport): string {
  const s = r.subject;
  const title = s.scope === "well"
    ? `## ${s.name} 井周期报告 / Well ${s.name} report, ${s.from} – ${s.to}`
    : `## ${s.name}区块周期报告 / Block ${s.name} report, ${s.from} – ${s.to}`;
  const out = [title, "", `期间 Period: ${s.label}`, "", ...summaryLines(r)];
  if (r.summary.report_days === 0) return [...out, "", r.headline].join("\n");
  if (r.ranking) {
    const most = r.ranking.most_npt[0];
    const mostWell = r.wells.find((w) => w.well_id === most);
    out.push(
      "",
      "### 井排名 Wells ranked (日进尺 m/d, fastest first)",
      "",
      wellsTable(r),
      "",
      `- 最快 Fastest: ${r.ranking.fastest[0]}；标杆井 Benchmark ★: ${
        r.ranking.benchmark_well ?? "—"
      }（报告日不少于最多者一半的井中日进尺最高 / highest m/d among wells reporting at least half as many days as the most）`,
      `- 非生产时间最多 Most NPT: ${
        mostWell && mostWell.npt_h > 0 ? `${most} ${fmt(mostWell.npt_h)} h` : "— (0 h)"
      }`,
    );
  }
  const npt = r.npt_categories.filter((c) => c.npt_h > 0);
  out.push("", "### 非生产时间 NPT by category", "");
  out.push(
    npt.length === 0 ? "无 None (0 h)" : markdownTable(
      ["类别 Category", "小时 h", "占非生产时间 % of NPT", "占总时间 % of time"],
      npt.map((c) => [`${c.zh} ${c.en}`, c.npt_h, c.share_of_npt_pct, c.npt_share_pct]),
    ),
  );
  const sources = nptSourceNote(r.npt_sources);
  if (sources) out.push("", sources);
  if (r.classified_rows > 0) {
    out.push(
      "",
      `（${r.classified_rows} 个报告日的非生产时间从主要工作文字读出 / ${r.classified_rows} report days read from the main-work text）`,
    );
  }
  out.push("", "### 钻头 Bits used", "");
  out.push(
    r.bits.length === 0 ? "无记录 None recorded" : markdownTable(
      ["钻头 Bit", "尺寸 Size mm", "井 Wells", "日期 Dates", "天数 Days", "进尺 Footage m"],
      r.bits.map((
        b,
      ) => [
        b.bit_type,
        b.bit_diameter_mm,
        b.wells.join(", "),
        b.first_date === b.last_date ? b.first_date : `${b.first_date} – ${b.last_date}`,
        b.report_days,
        b.footage_m,
      ]),
    ),
  );
  out.push("", "### 重要事件 Notable events", "");
  if (r.events.length === 0) out.push("无 None");
  for (const e of r.events.slice(0, MARKDOWN_EVENTS)) {
    const hours = e.hours === null ? "" : ` ${fmt(e.hours)} h`;
    const who = s.scope === "block" ? `${e.well_id} ` : "";
    out.push(
      `- ${e.date} ${who}${e.zh} ${e.en}${hours}：${
        e.text.replace(/\s+/g, (run) => run.includes("\n") ? " " : run)
      }`,
    );
  }
  if (r.events.length > MARKDOWN_EVENTS) {
    const more = s.scope === "block"
      ? "按井（well_id）或更短的 period 查看其余事件"
      : "用更短的 period 查看其余事件";
    out.push(
      `- …（共 ${r.events.length} 条，列出 ${MARKDOWN_EVENTS} 条；${more} / ${r.events.length} events, ${MARKDOWN_EVENTS} listed; ask per well or a shorter period for the rest）`,
    );
  }
  return out.join("\n");
}
