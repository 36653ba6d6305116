import { z } from "zod";

const value = z.union([z.string(), z.number(), z.null()]);

/** Output schema of the save tools: counts, whether anything was committed, and one result per record. */
export const saveAnswerSchema = z.object({
  table: z.string(),
  committed: z.boolean().describe(
    "是否已提交写入 whether the transaction committed (false: nothing was written)",
  ),
  inserted: z.number().int().describe("新增条数 records inserted"),
  updated: z.number().int().describe("更新条数 records updated"),
  unchanged: z.number().int().describe("与已存值相同的条数 records identical to what is stored"),
  rejected: z.number().int().describe("被拒绝的条数 records refused"),
  not_saved: z.number().int().describe(
    "合格但因 all_or_nothing 未保存的条数 good records not saved because of all_or_nothing",
  ),
  results: z.array(z.object({
    index: z.number().int().describe(
      "记录在调用中的序号（从 1 起）position of the record in the call, from 1",
    ),
    status: z.enum(["inserted", "updated", "unchanged", "rejected", "not_saved"]),
    key: z.record(z.string(), value).describe("自然键 natural key"),
    record_id: value.describe("存储的记录号 stored record id (null when nothing is stored)"),
    changes: z.record(z.string(), z.object({ before: value, after: value })).describe(
      "被修改的字段 fields changed: before → after",
    ),
    problems: z.array(
      z.object({ column: z.string(), value: z.union([value, z.boolean()]), reason: z.string() }),
    )
      .describe("拒绝原因 why the record was refused"),
    well_in_master: z.boolean().nullable().describe(
      "井号是否在油井基础信息中 whether the well is in the well master (null for the master itself)",
    ),
  })),
  message: z.string(),
});

/** The save answer without its message. */
export type SaveAnswer = Omit<z.infer<typeof saveAnswerSchema>, "message">;

const MAX_LINES = 50;

function keyText(key: Record<string, unknown>): string {
  return Object.values(key).filter((v) => v !== null && v !== undefined).join(" ");
}

/** Bilingual text of a save answer: the counts, then one line per record (refused ones first; 50 lines at most). */
export function saveAnswerText(a: SaveAnswer): string {
  const head = a.committed
    ? `已保存 / saved: 新增 inserted ${a.inserted}, 更新 updated ${a.updated}, 未变 unchanged ${a.unchanged}, 拒绝 rejected ${a.rejected}.`
    : `未保存任何记录 / nothing was saved: 拒绝 rejected ${a.rejected}, 因 all_or_nothing 未保存 not saved because of all_or_nothing ${a.not_saved}.`;
  // Refused records first: what the user must fix is never among the lines left out.
  const ordered = [
    ...a.results.filter((r) => r.status === "rejected"),
    ...a.results.filter((r) => r.status !== "rejected"),
  ];
  const lines = ordered.slice(0, MAX_LINES).map((r) => {
    const what = `#${r.index} ${keyText(r.key)}`;
    const master = r.well_in_master === false
      ? "（井号不在油井基础信息中 well not in the well master）"
      : "";
    switch (r.status) {
      case "inserted":
        return `${what}: 已新增 inserted (记录号 record ${r.record_id})${master}`;
      case "updated":
        return `${what}: 已更新 updated (记录号 record ${r.record_id}): ` +
          Object.entries(r.changes).map(([c, v]) =>
            `${c} ${JSON.stringify(v.before)} → ${JSON.stringify(v.after)}`
          ).join(", ") + master;
      case "unchanged":
        return `${what}: 未变 unchanged (记录号 record ${r.record_id})${master}`;
      case "not_saved":
        return `${what}: 未保存 not saved (all_or_nothing)`;
      case "rejected":
        return `${what}: 拒绝 rejected: ${r.problems.map((p) => p.reason).join("; ")}`;
    }
  });
  if (a.results.length > MAX_LINES) {
    const rest = a.results.length - MAX_LINES;
    lines.push(
      `…另有 ${rest} 条未逐条列出，已计入上面的合计（被拒的都已列出）；要核对可用 query_drilling_data 按井号和日期查 / ` +
        `${rest} more not listed one by one, counted above (every refused one is listed); check them with query_drilling_data`,
    );
  }
  return [head, ...lines].join("\n");
}
