/** An Excel error cell such as `#N/A` or `#DIV/0!`. */
export interface CellError {
  readonly error: string;
}

/** A cell reduced to one plain value; CSV cells are always strings. */
export type CellPrimitive = string | number | boolean | Date | null | CellError;

/**
 * Reduces an exceljs cell value (rich text, hyperlink, formula with result,
 * error) or a CSV string to a plain value. Unknown shapes become null.
 */
export function cellValue(raw: unknown): CellPrimitive {
  if (raw === null || raw === undefined) return null;
  if (typeof raw === "string" || typeof raw === "number" || typeof raw === "boolean") return raw;
  if (raw instanceof Date) return raw;
  if (typeof raw !== "object") return null;
  const cell = raw as Record<string, unknown>;
  if (Array.isArray(cell.richText)) {
    return cell.richText.map((part) => String((part as { text?: unknown }).text ?? "")).join("");
  }
  if ("formula" in cell || "sharedFormula" in cell) return cellValue(cell.result);
  if ("hyperlink" in cell || "text" in cell) return cellValue(cell.text);
  if (typeof cell.error === "string") return { error: cell.error };
  return null;
}

/** True for a cell with nothing in it (null or only whitespace). */
export function isEmptyCell(value: CellPrimitive): boolean {
  return value === null || (typeof value === "string" && value.trim() === "");
}

/** The cell as shown in a rejection: Dates as ISO text, errors as their code. */
export function displayValue(value: CellPrimitive): string | number | boolean | null {
  if (value instanceof Date) return value.toISOString();
  if (value !== null && typeof value === "object") return value.error;
  return value;
}
