/** A formation as the demo wells meet it: depth interval and how fast it drills. */
export interface Formation {
  readonly name: string;
  readonly lithology: string;
  readonly top_m: number;
  /** Typical ROP range, m/h. */
  readonly rop: readonly [number, number];
}

/** The demo stratigraphy (Junggar-basin style names); 八道湾组 is the slow, hard one. */
export const FORMATIONS: readonly Formation[] = [
  { name: "第四系 Quaternary", lithology: "砂砾岩 conglomerate", top_m: 0, rop: [22, 38] },
  { name: "塔西河组 Taxihe", lithology: "泥岩 mudstone", top_m: 350, rop: [14, 24] },
  {
    name: "安集海河组 Anjihaihe",
    lithology: "泥岩夹砂岩 mudstone with sandstone",
    top_m: 1200,
    rop: [9, 15],
  },
  {
    name: "吐谷鲁群 Tugulu",
    lithology: "砂泥岩互层 interbedded sand and shale",
    top_m: 2000,
    rop: [6, 10],
  },
  {
    name: "八道湾组 Badaowan",
    lithology: "砂砾岩夹煤层 conglomerate with coal",
    top_m: 2800,
    rop: [2.2, 4.5],
  },
  { name: "三工河组 Sangonghe", lithology: "细砂岩 fine sandstone", top_m: 3400, rop: [4, 7] },
];

/** Hole sections: bit diameter and the depth each section is drilled to. */
export const SECTIONS: readonly {
  readonly bit_diameter_mm: number;
  readonly to_m: number;
  readonly bits: readonly string[];
}[] = [
  { bit_diameter_mm: 444.5, to_m: 350, bits: ["牙轮 tricone HJ517"] },
  { bit_diameter_mm: 311.2, to_m: 2000, bits: ["PDC SD6632", "PDC MS1952"] },
  {
    bit_diameter_mm: 215.9,
    to_m: Infinity,
    bits: ["PDC SD5531", "牙轮 tricone HJ537", "PDC MS1653"],
  },
];

/** The formation at a measured depth. */
export function formationAt(depth_m: number): Formation {
  let found = FORMATIONS[0];
  for (const f of FORMATIONS) if (depth_m >= f.top_m) found = f;
  return found;
}
