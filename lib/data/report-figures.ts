import type { Executor, SqlValue } from "../db/db.ts";

/** The drilling_daily figures whose source an import records (lib/db/migrations/008-report-figures.ts). */
export const SOURCED_FIELDS = ["depth_m", "footage_m", "rop_m_h"] as const;
/** One of SOURCED_FIELDS. */
export type SourcedField = (typeof SOURCED_FIELDS)[number];

/** What a day stored in report_figures when its figure has no recorded source. */
export const AS_ENTERED = "日报填写 as entered";

/** One imported report day and its figures with a source label (`kind`). */
export interface DayFigures {
  readonly well_id: string;
  readonly report_date: string;
  readonly figures: readonly {
    readonly field: string;
    readonly value: unknown;
    readonly kind?: string;
  }[];
}

/**
 * Records how each imported day's depth, footage and ROP were obtained (inside the import's
 * transaction): each field the file gave is upserted. A field it does not give keeps its row: an
 * import leaves such a column as it was, so the earlier source still holds while the value does.
 * Rows already holding the same value and label are left untouched.
 */
export async function saveReportFigures(tx: Executor, days: readonly DayFigures[]): Promise<void> {
  for (const d of days) {
    const given = d.figures.filter((f): f is { field: SourcedField; value: number; kind: string } =>
      (SOURCED_FIELDS as readonly string[]).includes(f.field) && typeof f.value === "number" &&
      Number.isFinite(f.value) && typeof f.kind === "string"
    );
    for (const f of given) {
      await tx.execute(
        `INSERT INTO report_figures (well_id, report_date, field, value, kind) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (well_id, report_date, field) DO UPDATE SET value = excluded.value, kind = excluded.kind
         WHERE value IS NOT excluded.value OR kind IS NOT excluded.kind`,
        [d.well_id, d.report_date, f.field, f.value, f.kind],
      );
    }
  }
}

/** Report days of one well whose figure `field` was obtained as `how`. */
export interface FigureSourceCount {
  readonly well_id: string;
  readonly field: SourcedField;
  readonly how: string;
  readonly days: number;
}

/** A drilling daily row as figureSources reads it. */
export type FigureRow =
  & { readonly well_id?: unknown; readonly report_date?: unknown }
  & { readonly [K in SourcedField]?: unknown };

/**
 * How the depth, footage and ROP of `rows` (live drilling daily rows an analysis read) were
 * obtained: per well and field, the report days by source label, {@link AS_ENTERED} when no
 * import recorded one or the figure has been changed since. Only rows holding the figure count.
 */
export async function figureSources(
  db: Executor,
  rows: readonly FigureRow[],
  fields: readonly SourcedField[] = SOURCED_FIELDS,
): Promise<FigureSourceCount[]> {
  const wells = [...new Set(rows.map((r) => String(r.well_id ?? "")))].filter(Boolean);
  const dates = rows.map((r) => String(r.report_date ?? "")).filter(Boolean).sort();
  const stored = new Map<string, { value: number; kind: string }>();
  for (let i = 0; i < wells.length && dates.length > 0; i += 500) {
    const part = wells.slice(i, i + 500);
    const args: SqlValue[] = [...part, dates[0], dates[dates.length - 1], ...fields];
    const rs = await db.execute(
      `SELECT well_id, report_date, field, value, kind FROM report_figures WHERE well_id IN (${
        part.map(() => "?").join(", ")
      })
       AND report_date BETWEEN ? AND ? AND field IN (${fields.map(() => "?").join(", ")})`,
      args,
    );
    for (const r of rs.rows) {
      stored.set(`${r.well_id}\u0000${r.report_date}\u0000${r.field}`, {
        value: Number(r.value),
        kind: String(r.kind),
      });
    }
  }
  const counts = new Map<string, FigureSourceCount>();
  for (const r of rows) {
    for (const field of fields) {
      const v = r[field];
      if (typeof v !== "number" || !Number.isFinite(v)) continue;
      const well_id = String(r.well_id ?? "");
      const s = stored.get(`${well_id}\u0000${String(r.report_date ?? "")}\u0000${field}`);
      const how = s && Math.abs(s.value - v) < 1e-6 ? s.kind : AS_ENTERED;
      const key = `${well_id}\u0000${field}\u0000${how}`;
      counts.set(key, { well_id, field, how, days: (counts.get(key)?.days ?? 0) + 1 });
    }
  }
  return [...counts.values()];
}

const FIELD_NAMES: Readonly<Record<SourcedField, string>> = {
  depth_m: "井深 depth",
  footage_m: "进尺 footage",
  rop_m_h: "钻速 ROP",
};

/**
 * One line saying how the figures were obtained, days added up over wells, e.g.
 * `数值来源 / how the figures were obtained: 井深 depth: 日报井深 statusInfo/md 2 天 days; …`;
 * empty when every figure is as entered (nothing to say beyond the usual).
 */
export function figureSourceNote(counts: readonly FigureSourceCount[]): string {
  const byField = new Map<SourcedField, Map<string, number>>();
  for (const c of counts) {
    const m = byField.get(c.field) ?? new Map<string, number>();
    byField.set(c.field, m);
    m.set(c.how, (m.get(c.how) ?? 0) + c.days);
  }
  if (![...byField.values()].some((m) => [...m.keys()].some((how) => how !== AS_ENTERED))) {
    return "";
  }
  const parts = SOURCED_FIELDS.filter((f) => byField.has(f)).map((f) =>
    `${FIELD_NAMES[f]}: ${
      [...byField.get(f)!].sort((a, b) => b[1] - a[1]).map(([how, days]) =>
        `${how} ${days} 天 days`
      ).join(", ")
    }`
  );
  return `数值来源 / how the figures were obtained: ${parts.join("; ")}`;
}

/** The counts added up over wells, per field and source (for a structured answer). */
export function figureSourceTotals(
  counts: readonly FigureSourceCount[],
): { field: SourcedField; how: string; days: number }[] {
  const out = new Map<string, { field: SourcedField; how: string; days: number }>();
  for (const c of counts) {
    const key = `${c.field}\u0000${c.how}`;
    const prev = out.get(key);
    out.set(key, { field: c.field, how: c.how, days: (prev?.days ?? 0) + c.days });
  }
  return [...out.values()];
}
