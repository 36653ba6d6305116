/** Newtons in one pound-force (exact by definition: 0.45359237 kg × 9.80665 m/s²). */
export const N_PER_LBF = 4.4482216152605;
/** Metres in one inch (exact). */
export const M_PER_IN = 0.0254;
/** Metres in one foot (exact). */
export const M_PER_FT = 0.3048;
/** N·m in one ft·lbf = 0.3048 × 4.4482216152605 ≈ 1.3558179483. */
export const NM_PER_FT_LBF = M_PER_FT * N_PER_LBF;
/** Pa in one psi = 4.4482216152605 N / (0.0254 m)² ≈ 6894.757293. */
export const PA_PER_PSI = N_PER_LBF / (M_PER_IN * M_PER_IN);

/** Inputs named by `K`, each a number or missing. */
type Inputs<K extends string> = { readonly [key in K]: number | null | undefined };

/** Inputs of mseSI, as the drilling daily columns hold them. */
export type MseSIInput = Inputs<"wob_kn" | "bit_diameter_mm" | "rpm" | "torque_kn_m" | "rop_m_h">;

/** Inputs of mseField, in oilfield (US) units. */
export type MseFieldInput = Inputs<
  "wob_lbf" | "bit_diameter_in" | "rpm" | "torque_ft_lbf" | "rop_ft_h"
>;

/** The figures named by `K` (null when they cannot be computed), why not, and the missing inputs. */
type Outcome<K extends string> = { readonly [key in K]: number | null } & {
  readonly reason: string | null;
  readonly missing: readonly string[];
};

/** An MSE in MPa with its two terms, or nulls with the reason (bilingual) and the missing input names. */
export type MseSIResult = Outcome<"mse_mpa" | "wob_term_mpa" | "rotary_term_mpa">;

/** An MSE in psi (and MPa) with its two terms, or nulls with the reason and the missing input names. */
export type MseFieldResult = Outcome<"mse_psi" | "mse_mpa" | "wob_term_psi" | "rotary_term_psi">;

type Checked = { ok: true; v: Record<string, number> } | {
  ok: false;
  reason: string;
  missing: string[];
};

function check(
  input: Record<string, number | null | undefined>,
  diameter: string,
  rop: string,
): Checked {
  const missing = Object.keys(input).filter((k) =>
    typeof input[k] !== "number" || !Number.isFinite(input[k])
  );
  if (missing.length > 0) {
    const names = missing.join(", ");
    return {
      ok: false,
      missing,
      reason: `缺少 ${names}，无法计算 MSE / cannot compute MSE: missing ${names}`,
    };
  }
  const v = input as Record<string, number>;
  const negative = Object.keys(v).filter((k) => v[k] < 0);
  if (negative.length > 0 || v[diameter] === 0) {
    const k = negative[0] ?? diameter;
    return {
      ok: false,
      missing: [],
      reason: `${k} 无效 "${v[k]}"，无法计算 MSE / cannot compute MSE: ${k} is "${
        v[k]
      }", it must be ${k === diameter ? "above 0" : "0 or more"}`,
    };
  }
  if (v[rop] === 0) {
    return {
      ok: false,
      missing: [],
      reason: `钻速为 0，MSE 无定义 / cannot compute MSE: ${rop} is 0 (the bit did not advance)`,
    };
  }
  return { ok: true, v };
}

/** Teale's two terms, WOB/A and 120·π·N·T/(A·ROP), in the units the inputs give them. */
function tealeTerms(
  wob: number,
  area: number,
  rpm: number,
  torque: number,
  rop: number,
): [number, number] {
  return [wob / area, (120 * Math.PI * rpm * torque) / (area * rop)];
}

/** The answer when an input rules MSE out: every figure named in `keys` null, with why. */
function refused<K extends string>(
  keys: readonly K[],
  why: { reason: string; missing: string[] },
): Outcome<K> {
  const figures = Object.fromEntries(keys.map((key) => [key, null])) as Record<K, null>;
  return { ...figures, reason: why.reason, missing: why.missing };
}

/**
 * Teale's (1965) mechanical specific energy in SI-based field units, result in MPa:
 *
 *   MSE = WOB/A + 120·π·N·T / (A·ROP)
 *
 * with WOB in kN, A = π·d²/4 in m² (d = bit_diameter_mm / 1000), N in rpm, T in kN·m,
 * ROP in m/h. Both terms then come out in kN/m² = kPa: the rotary term is
 * 2π·(N/60 rev/s)·T / (A·ROP/3600 m/s) = 120·π·N·T/(A·ROP). Dividing by 1000 gives MPa.
 * N is surface rpm (a downhole motor's turns are not in it). Returns nulls with a
 * reason when an input is missing or negative, the diameter is 0, or ROP is 0.
 */
export function mseSI(input: MseSIInput): MseSIResult {
  const { wob_kn, bit_diameter_mm, rpm, torque_kn_m, rop_m_h } = input; // only these: a whole daily row may be passed
  const c = check(
    { wob_kn, bit_diameter_mm, rpm, torque_kn_m, rop_m_h },
    "bit_diameter_mm",
    "rop_m_h",
  );
  if (!c.ok) return refused(["mse_mpa", "wob_term_mpa", "rotary_term_mpa"], c);
  const v = c.v;
  const d = v.bit_diameter_mm / 1000;
  const [wob, rotary] = tealeTerms(
    v.wob_kn,
    (Math.PI * d * d) / 4,
    v.rpm,
    v.torque_kn_m,
    v.rop_m_h,
  );
  const wobTerm = wob / 1000;
  const rotaryTerm = rotary / 1000;
  return {
    mse_mpa: wobTerm + rotaryTerm,
    wob_term_mpa: wobTerm,
    rotary_term_mpa: rotaryTerm,
    reason: null,
    missing: [],
  };
}

/**
 * Teale's mechanical specific energy in oilfield units, result in psi (and MPa):
 *
 *   MSE = WOB/A + 120·π·N·T / (A·ROP)
 *
 * with WOB in lbf, A = π·d²/4 in in² (d in inches), N in rpm, T in ft·lbf, ROP in ft/h.
 * WOB/A is lbf/in² = psi; the rotary term is 2π·N rev/min × 60 min/h × T ft·lbf =
 * 120·π·N·T ft·lbf/h over A·ROP in²·ft/h, the feet cancel, so psi too. With A = π·d²/4
 * the same reads 4·WOB/(π·d²) + 480·N·T/(d²·ROP). MPa = psi × 6894.757293168 / 10⁶
 * (1 psi = 4.4482216152605 N / (0.0254 m)²). Same null rules as mseSI.
 */
export function mseField(input: MseFieldInput): MseFieldResult {
  const { wob_lbf, bit_diameter_in, rpm, torque_ft_lbf, rop_ft_h } = input;
  const c = check(
    { wob_lbf, bit_diameter_in, rpm, torque_ft_lbf, rop_ft_h },
    "bit_diameter_in",
    "rop_ft_h",
  );
  if (!c.ok) return refused(["mse_psi", "mse_mpa", "wob_term_psi", "rotary_term_psi"], c);
  const v = c.v;
  const [wobTerm, rotaryTerm] = tealeTerms(
    v.wob_lbf,
    (Math.PI * v.bit_diameter_in * v.bit_diameter_in) / 4,
    v.rpm,
    v.torque_ft_lbf,
    v.rop_ft_h,
  );
  const psi = wobTerm + rotaryTerm;
  return {
    mse_psi: psi,
    mse_mpa: (psi * PA_PER_PSI) / 1e6,
    wob_term_psi: wobTerm,
    rotary_term_psi: rotaryTerm,
    reason: null,
    missing: [],
  };
}
