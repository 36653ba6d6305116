import { test } from "node:test";
import assert from "node:assert/strict";
import {
  M_PER_FT,
  M_PER_IN,
  mseField,
  mseSI,
  N_PER_LBF,
  NM_PER_FT_LBF,
  PA_PER_PSI,
} from "../../lib/analysis/mse.ts";

const close = (actual: number | null, expected: number, eps: number) =>
  assert.ok(
    actual !== null && Math.abs(actual - expected) <= eps,
    `expected ${expected} ± ${eps}, got ${actual}`,
  );

test("conversion constants", () => {
  close(NM_PER_FT_LBF, 1.3558179483314, 1e-12);
  close(PA_PER_PSI, 6894.757293168, 1e-9);
  close(M_PER_IN * 12, M_PER_FT, 1e-15); // 12 in = 1 ft (floating point differs in the last bit)
});

// Hand calculation, oilfield units: 8.5 in bit, WOB 25,000 lbf, 120 rpm, 10,000 ft·lbf, ROP 50 ft/h.
//   d² = 72.25 in²;  A = π·72.25/4 = 56.7450173 in²
//   WOB term    = 25,000 / 56.7450173 = 4·25,000/(π·72.25) = 440.5673 psi
//   rotary term = 120·π·120·10,000 / (56.7450173·50) = 480·120·10,000/(72.25·50)
//               = 576,000,000 / 3,612.5 = 159,446.3668 psi
//   MSE = 159,886.9341 psi;  × 6,894.757293 Pa/psi = 1,102.3816 MPa
// The bit run of both oilfield-unit examples here: an 8.5 in bit at 120 rpm drilling 50 ft/h.
const RUN = { bit_diameter_in: 8.5, rpm: 120, rop_ft_h: 50 };
const HAND_FIELD = { ...RUN, wob_lbf: 25_000, torque_ft_lbf: 10_000 };

test("mseField: hand calculation in psi", () => {
  const r = mseField(HAND_FIELD);
  close(r.wob_term_psi, 440.5673, 1e-4);
  close(r.rotary_term_psi, 576_000_000 / 3_612.5, 1e-6);
  close(r.mse_psi, 159_886.9341, 1e-4);
  close(r.mse_mpa, 1_102.3816, 1e-4);
  assert.equal(r.reason, null);
});

// The same bit run in SI-based units:
//   8.5 in = 215.9 mm;  25,000 lbf × 4.4482216 N = 111.2055 kN;  10,000 ft·lbf × 1.3558179 = 13.5582 kN·m;
//   50 ft/h × 0.3048 = 15.24 m/h;  A = π·0.2159²/4 = 0.036609615 m²
//   WOB term    = 111.2055 / 0.036609615 = 3,037.60 kPa = 3.0376 MPa
//   rotary term = 120·π·120·13.5582 / (0.036609615·15.24) = 613,357.59 / 0.557930538
//               = 1,099,344.0 kPa = 1,099.344 MPa
//   MSE = 1,102.3816 MPa, the figure the psi calculation converts to.
test("mseSI: the same run in kN, mm, kN·m, m/h agrees with mseField after conversion", () => {
  const si = mseSI({
    wob_kn: (25_000 * N_PER_LBF) / 1000,
    bit_diameter_mm: 8.5 * 25.4,
    rpm: 120,
    torque_kn_m: (10_000 * NM_PER_FT_LBF) / 1000,
    rop_m_h: 50 * M_PER_FT,
  });
  close(si.wob_term_mpa, 3.0376047, 1e-6);
  close(si.rotary_term_mpa, 1_099.3440, 1e-4);
  close(si.mse_mpa, 1_102.3816, 1e-4);
  const field = mseField(HAND_FIELD);
  close(si.mse_mpa, field.mse_mpa!, 1e-9 * field.mse_mpa!);
  close(si.wob_term_mpa! * 1e6 / PA_PER_PSI, field.wob_term_psi!, 1e-9);
});

// A round SI case: 215.9 mm bit, 100 kN, 100 rpm, 10 kN·m, 10 m/h.
//   WOB term = 4·100/(π·0.2159²) = 2,731.52 kPa;  rotary = 480·100·10/(0.2159²·10) = 1,029,759.84 kPa
test("mseSI: round case by the 480·N·T/(d²·ROP) form", () => {
  const r = mseSI({ wob_kn: 100, bit_diameter_mm: 215.9, rpm: 100, torque_kn_m: 10, rop_m_h: 10 });
  close(r.wob_term_mpa, 2.73152, 1e-5);
  close(r.rotary_term_mpa, 1_029.75984, 1e-5);
  close(r.mse_mpa, 1_032.49137, 1e-5);
});

// Published worked example (calculator5.snowdaycalculatornow.com, "How to Calculate Mechanical Specific
// Energy (MSE) in Drilling"): 8.5 in, WOB 35,000 lbf, 120 rpm, 4,500 ft·lbf, 50 ft/h, "MSE ≈ 72,357 psi".
// By hand: 4·35,000/(π·72.25) = 616.7942; 480·120·4,500/(72.25·50) = 259,200,000/3,612.5 = 71,750.8651;
// total 72,367.6593 psi. The page's figure is 10.7 psi (0.015 %) lower, a rounding of its intermediate steps.
test("mseField: published worked example", () => {
  const r = mseField({ ...RUN, wob_lbf: 35_000, torque_ft_lbf: 4_500 });
  close(r.mse_psi, 72_367.6593, 1e-4);
  close(r.mse_psi, 72_357, 72_357 * 5e-4);
});

test("missing inputs, zero ROP, zero diameter and negative values give null with a reason", () => {
  const base = { wob_kn: 100, bit_diameter_mm: 215.9, rpm: 100, torque_kn_m: 10, rop_m_h: 10 };
  const missing = mseSI({ ...base, rpm: null, torque_kn_m: undefined });
  assert.equal(missing.mse_mpa, null);
  assert.deepEqual(missing.missing, ["rpm", "torque_kn_m"]);
  assert.match(
    missing.reason!,
    /^缺少 rpm, torque_kn_m，无法计算 MSE \/ cannot compute MSE: missing rpm, torque_kn_m$/,
  );
  const stopped = mseSI({ ...base, rop_m_h: 0 });
  assert.equal(stopped.mse_mpa, null);
  assert.match(stopped.reason!, /rop_m_h is 0/);
  assert.match(
    mseSI({ ...base, bit_diameter_mm: 0 }).reason!,
    /bit_diameter_mm is "0", it must be above 0/,
  );
  assert.match(mseSI({ ...base, wob_kn: -5 }).reason!, /wob_kn is "-5", it must be 0 or more/);
  assert.match(
    mseField({ wob_lbf: 1, bit_diameter_in: 8.5, rpm: 1, torque_ft_lbf: NaN, rop_ft_h: 0 }).reason!,
    /missing torque_ft_lbf/,
  );
  // a whole daily row can be passed: its other columns are not "missing inputs"
  const row = { well_id: "W1", report_date: "2023-05-01", main_work: null, ...base };
  assert.equal(mseSI(row).reason, null);
});
