import { z } from "zod";
import { actorOf } from "../data/history.ts";
import { recordFieldsLine, recordInputSchema } from "./record-input.ts";
import { saveRecords } from "./save-records.ts";
import type { WriteTarget } from "./targets.ts";
import { wellScopeCheck } from "./well-scope.ts";
import { defineTool, IDEMPOTENT_CHANGE } from "../call/define-tool.ts";
import { saveAnswerSchema, saveAnswerText } from "../answers/save-answer.ts";

/** Most records one save call takes. */
export const SAVE_BATCH_MAX = 500;

function zhOf(text: string): string {
  const at = text.indexOf(" / ");
  return at < 0 ? text : text.slice(0, at);
}

function enOf(text: string): string {
  const at = text.indexOf(" / ");
  return at < 0 ? "" : text.slice(at + 3);
}

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
    description: zhOf(spec.description) +
      `按 ${key} 新增或更新（只改给出的字段，null 清空，旧值入历史）。records 每次 1–${SAVE_BATCH_MAX} 条，逐条回答结果；` +
      `不合理的值被拒并说明范围；all_or_nothing=true 时有一条被拒则全不存。字段（日期 YYYY-MM-DD）：${
        recordFieldsLine(spec.target)
      }。` +
      ` / ${
        enOf(spec.description)
      } Upserts by ${key}: an existing record changes only the fields given, null clears one, old ` +
      `values go to history; field names carry the unit. 1–${SAVE_BATCH_MAX} records per call, each answered inserted, updated, ` +
      `unchanged or rejected with the reason (implausible values are refused naming the range); all_or_nothing=true saves none if one is refused.`,
    input: z.strictObject({
      records: z.array(item).min(1).max(SAVE_BATCH_MAX),
      all_or_nothing: z.boolean().default(false),
    }),
    // Each record's fields are named once in the description; one property per field would double the tool's size.
    listInput: (schema) => {
      const properties = schema.properties as Record<string, Record<string, unknown>>;
      return {
        ...schema,
        properties: {
          ...properties,
          records: { ...properties.records, items: { type: "object" } },
        },
      };
    },
    output: saveAnswerSchema,
    group: "save",
    toolset: "write",
    annotations: IDEMPOTENT_CHANGE,
    async run(args, { db, user }) {
      const records = args.records as Record<string, unknown>[];
      const result = await saveRecords(db, spec.target, records, {
        actor: actorOf(user),
        allOrNothing: args.all_or_nothing,
        outsideScope: wellScopeCheck(db, user),
      });
      const answer = {
        table: spec.target.table.name,
        committed: result.committed,
        ...countOutcomes(result.outcomes),
        results: result.outcomes.map((o) => ({ ...o, problems: [...o.problems] })),
      };
      const text = saveAnswerText(answer);
      return { structured: { ...answer, message: text.split("\n")[0] }, text };
    },
  });
}

function countOutcomes(outcomes: readonly { status: string }[]) {
  const n = (s: string) => outcomes.filter((o) => o.status === s).length;
  return {
    inserted: n("inserted"),
    updated: n("updated"),
    unchanged: n("unchanged"),
    rejected: n("rejected"),
    not_saved: n("not_saved"),
  };
}
