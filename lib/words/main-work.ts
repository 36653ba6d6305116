import { OPERATIONS } from "./main-work-categories.ts";
import type { NptCategory, OperationId } from "./main-work-categories.ts";
import { MAIN_WORK_KEYWORDS } from "./main-work-keywords.ts";
import type { MainWorkKeyword } from "./main-work-keywords.ts";
import { findHours } from "./work-hours.ts";

/** One kind of non-productive time found in the text; `hours` only when the text says them. */
export type NptFinding = {
  category: NptCategory;
  cause: string;
  zh: string;
  en: string;
  hours: number | null;
};

/** What a day's main-work text says was done and what time was lost. */
export type MainWorkClassification = { operations: OperationId[]; npt: NptFinding[] };

type Match = { entry: MainWorkKeyword; start: number; end: number };

// A full stop between digits is a decimal point (4.5h), not the end of a phrase.
const CLAUSE_BREAK = /[,;!?。！？\n]+|\.(?!\d)/;
const NEGATOR = /没有|未发生|未发现|未出现|未见|无(?!法|效)|未(?![能果])|没/g;
// Words that may stand between a negator and what it negates: 无明显井漏、溢流现象.
const FILLER =
  /发生|出现|发现|见|有|任何|明显|异常|现象|情况|显示|其他|其它|的|及|和|与|或|、|\/|等|\s/g;
// How far back a negator reaches: 无明显井漏、溢流、井涌现象 is short. Looking back a bounded
// stretch keeps the work per match fixed, so a clause of a thousand trouble words stays linear.
const MAX_NEGATION_GAP = 48;
const NPT_KEYWORDS = MAIN_WORK_KEYWORDS.flatMap((e) => e.kind === "npt" ? e.keywords : [])
  .sort((a, b) => b.length - a.length);

/** Every keyword occurrence, leftmost first; where two overlap the longer one wins. */
function findMatches(clause: string): Match[] {
  const all: Match[] = [];
  for (const entry of MAIN_WORK_KEYWORDS) {
    for (const keyword of entry.keywords) {
      for (let i = clause.indexOf(keyword); i >= 0; i = clause.indexOf(keyword, i + 1)) {
        all.push({ entry, start: i, end: i + keyword.length });
      }
    }
  }
  all.sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: Match[] = [];
  // Sorted by start, kept matches do not overlap: only the last kept one can overlap the next.
  for (const m of all) if (kept.length === 0 || m.start >= kept[kept.length - 1].end) kept.push(m);
  return kept;
}

/**
 * True if a negator (无, 未, 没有 …) governs the match: only fillers or other trouble words
 * stand between them (无井漏、溢流), not an operation (无井漏起钻遇卡: 遇卡 is real). An
 * operation is negated only right after the negator (无进尺).
 */
function isNegated(clause: string, m: Match): boolean {
  const from = Math.max(0, m.start - MAX_NEGATION_GAP - 3); // 3: the longest negator
  let negEnd = -1;
  for (const n of clause.slice(from, m.start).matchAll(NEGATOR)) {
    negEnd = from + n.index + n[0].length;
  }
  if (negEnd < 0 || m.start - negEnd > MAX_NEGATION_GAP) return false;
  let gap = clause.slice(negEnd, m.start);
  if (m.entry.kind === "npt") {
    for (const keyword of NPT_KEYWORDS) gap = gap.split(keyword).join("");
  }
  return gap.replace(FILLER, "") === "";
}

function classifyClause(clause: string, hoursOf: Map<Match, number>): Match[] {
  let live = findMatches(clause).filter((m) => !isNegated(clause, m));
  if (live.some((m) => m.entry.kind === "npt" && !m.entry.generic)) {
    live = live.filter((m) => m.entry.kind !== "npt" || !m.entry.generic);
  }
  const mentions = findHours(clause);
  mentions.forEach((h, i) => {
    const before = live.filter((m) =>
      m.end <= h.start && (i === 0 || m.start >= mentions[i - 1].end)
    ).at(-1);
    const nextStart = mentions[i + 1]?.start ?? Infinity;
    const after = live.find((m) => m.start >= h.end && m.start < nextStart);
    const owner = h.belongsTo === "before" ? before ?? after : after ?? before;
    if (owner) hoursOf.set(owner, (hoursOf.get(owner) ?? 0) + h.hours);
  });
  return live;
}

/**
 * Reads a day's main-work text (本日主要工作, e.g. `钻进至2350m，起钻换钻头，下钻` or
 * `处理卡钻6小时，泡油解卡`) with `MAIN_WORK_KEYWORDS`: the operations done (listed in
 * `OPERATIONS` order; `other` when none is named) and the NPT causes, each with the hours the
 * text gives for its phrase (summed per cause) or null. Negated trouble (`无井漏`, `未发生溢流`,
 * `无复杂`) is not NPT.
 */
export function classifyMainWork(text: string): MainWorkClassification {
  const normalized = text.normalize("NFKC").toLowerCase();
  const hoursOf = new Map<Match, number>();
  const matches = normalized.split(CLAUSE_BREAK).flatMap((c) => classifyClause(c, hoursOf));
  const ops = new Set(matches.flatMap((m) => m.entry.kind === "operation" ? [m.entry.id] : []));
  if (ops.size === 0 && normalized.trim() !== "") ops.add("other");
  const npt = new Map<string, NptFinding>();
  for (const m of matches) {
    if (m.entry.kind !== "npt") continue;
    const { category, id, zh, en } = m.entry;
    const finding = npt.get(id) ?? { category, cause: id, zh, en, hours: null };
    const hours = hoursOf.get(m);
    if (hours !== undefined) finding.hours = Math.round(((finding.hours ?? 0) + hours) * 100) / 100;
    npt.set(id, finding);
  }
  return {
    operations: OPERATIONS.map((o) => o.id).filter((id) => ops.has(id)),
    npt: [...npt.values()],
  };
}
