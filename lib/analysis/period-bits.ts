import { type DrillingRecord, num, text } from "./record.ts";

/** One bit (type and size) used in a period. */
export interface PeriodBit {
  readonly bit_type: string;
  readonly bit_diameter_mm: number | null;
  readonly wells: string[];
  readonly first_date: string;
  readonly last_date: string;
  /** Report days it was on the reports. */
  readonly report_days: number;
  /** Σ footage of those days (m). */
  readonly footage_m: number;
}

/** The bits of the period's reports, by bit type and size, in order of first use. */
export function periodBits(rows: readonly DrillingRecord[]): PeriodBit[] {
  const bits = new Map<
    string,
    {
      bit_type: string;
      bit_diameter_mm: number | null;
      wells: Set<string>;
      dates: string[];
      footage: number;
    }
  >();
  const sorted = [...rows].sort((a, b) =>
    String(a.report_date).localeCompare(String(b.report_date))
  );
  for (const r of sorted) {
    const type = text(r.bit_type);
    const date = text(r.report_date);
    if (type === null || date === null) continue;
    const size = num(r.bit_diameter_mm);
    const key = `${type}\u0000${size}`;
    const bit = bits.get(key) ??
      { bit_type: type, bit_diameter_mm: size, wells: new Set<string>(), dates: [], footage: 0 };
    bits.set(key, bit);
    bit.wells.add(text(r.well_id) ?? "—");
    bit.dates.push(date);
    const f = num(r.footage_m);
    if (f !== null && f >= 0) bit.footage += f;
  }
  return [...bits.values()].map((b) => ({
    bit_type: b.bit_type,
    bit_diameter_mm: b.bit_diameter_mm,
    wells: [...b.wells],
    first_date: b.dates[0],
    last_date: b.dates[b.dates.length - 1],
    report_days: b.dates.length,
    footage_m: b.footage,
  }));
}
