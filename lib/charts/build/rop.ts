import type { BarSpec } from "../spec.ts";

const BY = {
  formation: { zh: "地层", en: "Formation" },
  bit_type: { zh: "钻头类型", en: "Bit type" },
  well_id: { zh: "井号", en: "Well" },
} as const;

/** One ROP group as analyze_rop answers it. */
export type RopGroupInput = {
  group: string | null;
  rop_footage_weighted_m_h: number | null;
  metres_drilled_m: number | null;
};

/** Mean ROP and metres drilled per group, in the answer's order; null when no group has an ROP. */
export function ropChart(by: keyof typeof BY, groups: readonly RopGroupInput[]): BarSpec | null {
  if (!groups.some((g) => g.rop_footage_weighted_m_h !== null)) return null;
  return {
    kind: "bar",
    title: {
      zh: `各${BY[by].zh}平均钻速与进尺`,
      en: `ROP and footage by ${BY[by].en.toLowerCase()}`,
    },
    categoryLabel: BY[by],
    categories: groups.map((g) => g.group ?? { zh: "未记录", en: "not recorded" }),
    series: [
      {
        name: { zh: "平均钻速", en: "Mean ROP" },
        unit: "m/h",
        values: groups.map((g) => g.rop_footage_weighted_m_h),
      },
      {
        name: { zh: "进尺", en: "Footage" },
        unit: "m",
        values: groups.map((g) => g.metres_drilled_m),
      },
    ],
  };
}
