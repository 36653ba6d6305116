const GROUPED = /^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$/;
const PLAIN = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

/**
 * A number written as text: spaces anywhere, full-width digits and signs,
 * thousands separators (`1,234.5`). Null for anything else (units, words, `1,5`).
 */
export function numberFromText(text: string): number | null {
  let t = text.normalize("NFKC").replace(/\s+/g, "").replace(/\u2212/g, "-");
  if (GROUPED.test(t)) t = t.replace(/,/g, "");
  if (!PLAIN.test(t)) return null;
  const value = Number(t);
  return Number.isFinite(value) ? value : null;
}

const YES = new Set(["是", "y", "yes", "true", "1"]);
const NO = new Set(["否", "n", "no", "false", "0"]);

/** `是/否`, `Y/N`, `yes/no`, `true/false`, `1/0` (any case, full width) → 1/0; null otherwise. */
export function flagFromText(text: string): 0 | 1 | null {
  const t = text.normalize("NFKC").trim().toLowerCase();
  if (YES.has(t)) return 1;
  if (NO.has(t)) return 0;
  return null;
}
