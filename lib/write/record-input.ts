import { z } from "zod";
import { DAILY_RANGES } from "../data/daily-input.ts";
import { describeColumn } from "../schema/column.ts";
import type { Column } from "../schema/column.ts";
import type { WriteTarget } from "./targets.ts";

function fieldType(column: Column): z.ZodType {
  switch (column.type) {
    case "date":
      return z.string().describe(`${describeColumn(column)}, YYYY-MM-DD`);
    case "text":
      return z.string().describe(describeColumn(column));
    case "real":
    case "integer": {
      const range = DAILY_RANGES[column.name];
      const note = range ? `, plausible range ${range[0]}–${range[1]}` : "";
      return (column.type === "integer" ? z.number().int() : z.number()).describe(`${describeColumn(column)}${note}`);
    }
  }
}

/**
 * The input schema of one record of `target` for a save tool: every column with its
 * label, code, unit and plausible range; required columns non-null, the others
 * optional (absent: left as stored; null: cleared). It checks only types: dates,
 * ranges and required values are checked per record (recordChecker), so one bad
 * record in a batch is refused alone instead of failing the whole call.
 */
export function recordInputSchema(target: WriteTarget): z.ZodObject {
  const shape = Object.fromEntries(target.table.columns.map((c) => {
    const type = fieldType(c);
    return [c.name, target.required.includes(c.name) ? type : type.nullable().optional()];
  }));
  return z.strictObject(shape);
}
