import { z } from "zod";
import type { Column } from "../schema/column.ts";
import type { WriteTarget } from "./targets.ts";

/** `当日井深 DRJS / measured depth at report time`: label and the field's code, once; the unit is in the name (`depth_m`). */
function fieldLabel(column: Column): string {
  const code = column.code ? ` ${column.code}` : "";
  const date = column.type === "date" ? " YYYY-MM-DD" : "";
  return `${column.zh}${code}${date} / ${column.en}`;
}

function fieldType(column: Column): z.ZodType {
  switch (column.type) {
    case "date":
    case "text":
      return z.string().describe(fieldLabel(column));
    case "real":
    case "integer":
      return (column.type === "integer" ? z.number().int() : z.number()).describe(
        fieldLabel(column),
      );
  }
}

/**
 * The fields of one record of `target` in one line for a tool description: `well_id 井号 JH（必填）、depth_m 当日井深 DRJS、…`
 * (the unit is in the name; dates are YYYY-MM-DD).
 */
export function recordFieldsLine(target: WriteTarget): string {
  return target.table.columns.map((c) => {
    const code = c.code ? ` ${c.code}` : "";
    return `${c.name} ${c.zh}${code}${target.required.includes(c.name) ? "（必填）" : ""}`;
  }).join("、");
}

/**
 * The input schema of one record of `target` for a save tool: every column with its
 * Chinese label and code (the unit is in the column name; the plausible ranges are checked
 * per record and named in a refusal); required columns non-null, the others
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
