import { DAILY_RANGES } from "../data/daily-input.ts";
import { columnLabel } from "../schema/column.ts";
import type { Column, ColumnValue, Rejection } from "../schema/column.ts";
import type { WriteTarget } from "./targets.ts";

/** A record checked field by field: its normalized values, or every problem found. */
export type CheckedRecord =
  | { readonly ok: true; readonly values: Record<string, ColumnValue> }
  | { readonly ok: false; readonly problems: readonly Rejection[] };

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const MAX_TEXT = 2000;

function realDate(text: string): boolean {
  if (!DATE.test(text)) return false;
  const d = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === text;
}

function shown(value: unknown): Rejection["value"] {
  return typeof value === "string" || typeof value === "number" || typeof value === "boolean"
    ? value
    : JSON.stringify(value) ?? null;
}

function checkValue(
  column: Column,
  value: unknown,
  isKey: boolean,
): { value: ColumnValue } | { reason: string } {
  if (value === null) return { value: null };
  const v = JSON.stringify(value);
  switch (column.type) {
    case "date":
      if (typeof value === "string" && realDate(value.trim())) return { value: value.trim() };
      return {
        reason: `${
          columnLabel(column)
        } 不是有效日期 ${v} / ${column.en} is not a real date ${v}: use YYYY-MM-DD, e.g. 2021-03-05`,
      };
    case "real":
    case "integer": {
      if (typeof value !== "number" || !Number.isFinite(value)) {
        return {
          reason: `${
            columnLabel(column)
          } 不是数字 ${v} / ${column.en} is not a number ${v}: give digits such as 1234.5, without units`,
        };
      }
      if (column.type === "integer" && !Number.isInteger(value)) {
        return {
          reason: `${
            columnLabel(column)
          } 须为整数 ${v} / ${column.en} must be a whole number, not ${v}`,
        };
      }
      const range = DAILY_RANGES[column.name];
      const unit = column.unit ? ` ${column.unit}` : "";
      if (range && (value < range[0] || value > range[1])) {
        return {
          reason:
            `${columnLabel(column)} ${v} 超出合理范围 ${range[0]}–${
              range[1]
            }${unit} / ${column.en} ${v} is outside the plausible range ` +
            `${range[0]}–${range[1]}${unit}: check the unit and the digits`,
        };
      }
      return { value };
    }
    case "text": {
      if (typeof value !== "string") {
        return {
          reason: `${columnLabel(column)} 须为文本 ${v} / ${column.en} must be text, not ${v}`,
        };
      }
      // Key text (well ids) must match however it was typed: full-width characters and stray spaces would split one well in two.
      const text = isKey ? value.normalize("NFKC").replace(/\s+/g, "") : value.trim();
      if (text.length > MAX_TEXT) {
        return {
          reason: `${
            columnLabel(column)
          } 超过 ${MAX_TEXT} 字 / ${column.en} is longer than ${MAX_TEXT} characters: shorten it`,
        };
      }
      return { value: text === "" ? null : text };
    }
  }
}

/**
 * Returns a checker of one record of `target`, field by field: dates must exist,
 * numbers lie in the plausible ranges of DAILY_RANGES, the target's required
 * columns be present and non-empty; unknown fields are refused. Fields not given
 * stay absent (an upsert leaves them alone); null clears a field.
 */
export function recordChecker(
  target: WriteTarget,
): (record: Record<string, unknown>) => CheckedRecord {
  const { table } = target;
  const byName = new Map(table.columns.map((c) => [c.name, c]));
  const required = target.required.map((name) => byName.get(name)!);
  const needs = required.map(columnLabel).join(", ");
  return (record) => {
    const values: Record<string, ColumnValue> = {};
    const problems: Rejection[] = [];
    for (const [name, raw] of Object.entries(record)) {
      if (raw === undefined) continue;
      const column = byName.get(name);
      if (!column) {
        problems.push({
          column: name,
          value: shown(raw),
          reason:
            `${table.zh}没有字段 "${name}" / ${table.en} has no field "${name}": use the field names of the tool's input schema`,
        });
        continue;
      }
      const result = checkValue(column, raw, table.naturalKey.includes(name));
      if ("reason" in result) {
        problems.push({ column: name, value: shown(raw), reason: result.reason });
      } else values[name] = result.value;
    }
    for (const column of required) {
      if (values[column.name] !== undefined && values[column.name] !== null) continue;
      if (problems.some((p) => p.column === column.name)) continue;
      problems.push({
        column: column.name,
        value: null,
        reason: `缺少${
          columnLabel(column)
        } / missing ${column.en} (${column.name}): 每条记录都要有 ${needs} / every record needs ${needs}`,
      });
    }
    return problems.length ? { ok: false, problems } : { ok: true, values };
  };
}
