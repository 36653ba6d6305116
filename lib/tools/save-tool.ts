import { z } from "zod";
import { actorOf } from "../data/history.ts";
import { ToolError } from "../tool-error.ts";
import { recordInputSchema } from "../write/record-input.ts";
import { saveRecords } from "../write/save-records.ts";
import type { WriteTarget } from "../write/targets.ts";
import { wellScopeCheck } from "../write/well-scope.ts";
import { defineTool } from "./define.ts";
import { saveAnswerSchema, saveAnswerText } from "./save-answer.ts";

/** Most records one save call takes. */
export const SAVE_BATCH_MAX = 500;

/** What a save tool is called and says about itself. */
export interface SaveToolSpec {
  readonly target: WriteTarget;
  readonly name: string;
  readonly title: string;
  /** Chinese first, English after; the batch and all_or_nothing rules are appended. */
  readonly description: string;
}

/**
 * A save tool for one table: upserts one record (`record`) or up to 500
 * (`records`) by natural key, answering per record what was inserted or changed,
 * or why it was refused; the answer is computed after the commit.
 */
export function defineSaveTool(spec: SaveToolSpec) {
  const item = recordInputSchema(spec.target);
  const key = spec.target.table.naturalKey.join(" + ");
  return defineTool({
    name: spec.name,
    title: spec.title,
    description: spec.description +
      ` 按 ${key} 新增或更新（已存在则只改给出的字段，null 清空），修改前的值存入历史。一条用 record，批量用 records（最多 ${SAVE_BATCH_MAX} 条）：` +
      `逐条回答 inserted/updated/unchanged/rejected；默认保存所有合格记录，all_or_nothing: true 时有一条不合格则全部不保存。` +
      ` / Inserts or updates by ${key} (an existing record changes only the fields given; null clears one); previous values ` +
      `go to history. One record in \`record\`, a batch in \`records\` (up to ${SAVE_BATCH_MAX}); the answer lists each record as ` +
      `inserted, updated, unchanged or rejected with the reason. By default every good record is saved; with all_or_nothing: true ` +
      `one refused record means none is saved.`,
    input: z.strictObject({
      record: item.optional().describe("一条记录 one record"),
      records: z.array(item).min(1).max(SAVE_BATCH_MAX).optional().describe(`多条记录 several records (1–${SAVE_BATCH_MAX})`),
      all_or_nothing: z.boolean().default(false)
        .describe("true：有一条不合格则全部不保存 / true: if any record is refused, save none"),
    }),
    output: saveAnswerSchema,
    annotations: { readOnlyHint: false, destructiveHint: true, idempotentHint: true, openWorldHint: false },
    async run(args, { db, user }) {
      if ((args.record === undefined) === (args.records === undefined)) {
        throw new ToolError("invalid", "请给出 record（一条）或 records（多条）其中之一 / give either record (one) or records (several), not both or neither");
      }
      const records = (args.records ?? [args.record]) as Record<string, unknown>[];
      const result = await saveRecords(db, spec.target, records, {
        actor: actorOf(user), allOrNothing: args.all_or_nothing, outsideScope: wellScopeCheck(db, user),
      });
      const answer = { table: spec.target.table.name, committed: result.committed, ...countOutcomes(result.outcomes), results: result.outcomes.map((o) => ({ ...o, problems: [...o.problems] })) };
      const text = saveAnswerText(answer);
      return { structured: { ...answer, message: text.split("\n")[0] }, text };
    },
  });
}

function countOutcomes(outcomes: readonly { status: string }[]) {
  const n = (s: string) => outcomes.filter((o) => o.status === s).length;
  return { inserted: n("inserted"), updated: n("updated"), unchanged: n("unchanged"), rejected: n("rejected"), not_saved: n("not_saved") };
}
