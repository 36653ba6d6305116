/** What a WITSML figure measures, named by the schema unit it is converted to. */
export type Quantity = "m" | "mm" | "m/h" | "g/cm3" | "h" | "s";

// Factors to the schema's unit (lib/schema/drilling-daily.ts), keyed by WITSML uom (lower case).
const FACTORS: Readonly<Record<Quantity, Readonly<Record<string, number>>>> = {
  m: { m: 1, ft: 0.3048, "ft(us)": 1200 / 3937, km: 1000, cm: 0.01, mm: 0.001, in: 0.0254 },
  mm: { mm: 1, in: 25.4, cm: 10, m: 1000, "in/32": 25.4 / 32 },
  "m/h": {
    "m/h": 1,
    "ft/h": 0.3048,
    "m/min": 60,
    "ft/min": 18.288,
    "m/s": 3600,
    "m/d": 1 / 24,
    "ft/d": 0.3048 / 24,
  },
  "g/cm3": {
    "g/cm3": 1,
    "kg/m3": 0.001,
    "kg/l": 1,
    "kg/dm3": 1,
    "g/l": 0.001,
    sg: 1,
    ppg: 0.119826427,
    "lbm/galus": 0.119826427,
    "lbm/galuk": 0.0997763727,
    "lbm/ft3": 0.0160184634,
  },
  h: { h: 1, min: 1 / 60, s: 1 / 3600, d: 24 },
  s: { s: 1, "s/qt": 1, "s/l": 1 },
};

/** The uoms a quantity accepts, for messages. */
export function acceptedUoms(q: Quantity): string[] {
  return Object.keys(FACTORS[q]);
}

/** The factor from `uom` to the schema unit of `q`, or null when the uom is not one WITSML uses for it. */
export function unitFactor(q: Quantity, uom: string): number | null {
  return FACTORS[q][uom.trim().toLowerCase()] ?? null;
}
