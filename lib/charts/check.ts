import type { BarSpec, ChartSpec, DepthCurveSpec } from "./spec.ts";

type Obj = Record<string, unknown>;

function isObj(value: unknown): value is Obj {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function fail(zh: string, en: string): never {
  throw new Error(`图表数据有误：${zh} / invalid chart: ${en}`);
}

function checkBilingual(value: unknown, where: string, optional = false): void {
  if (value === undefined && optional) return;
  if (!isObj(value) || typeof value.zh !== "string" || typeof value.en !== "string") {
    fail(`${where} 须为 { zh, en }`, `${where} must be { zh: string, en: string }`);
  }
}

function checkDepth(spec: Obj): asserts spec is Obj & DepthCurveSpec {
  checkBilingual(spec.xLabel, "xLabel", true);
  checkBilingual(spec.yLabel, "yLabel", true);
  const series = spec.series;
  if (!Array.isArray(series) || series.length === 0) {
    fail("series 不能为空", "series must be a non-empty array");
  }
  series.forEach((s: unknown, i) => {
    if (!isObj(s) || typeof s.well !== "string" || (s.kind !== "actual" && s.kind !== "plan")) {
      fail(
        `第 ${i + 1} 条曲线须有 well 和 kind (actual/plan)`,
        `series ${i} needs well and kind "actual" or "plan"`,
      );
    }
    if (!Array.isArray(s.points) || s.points.length === 0) {
      fail(`井 "${s.well}" 没有数据点`, `well "${s.well}" has no points`);
    }
    let lastDay = -Infinity;
    for (const p of s.points as unknown[]) {
      if (
        !Array.isArray(p) || p.length !== 2 ||
        !p.every((n) => typeof n === "number" && Number.isFinite(n))
      ) {
        fail(
          `井 "${s.well}" 的点 "${JSON.stringify(p)}" 须为 [天数, 井深]`,
          `well "${s.well}" point "${JSON.stringify(p)}" must be [days, depth]`,
        );
      }
      if (p[0] <= lastDay) {
        fail(
          `井 "${s.well}" 的天数 "${p[0]}" 须递增`,
          `well "${s.well}" days must increase, got "${p[0]}" after "${lastDay}"`,
        );
      }
      lastDay = p[0];
    }
  });
}

function checkBar(spec: Obj): asserts spec is Obj & BarSpec {
  checkBilingual(spec.categoryLabel, "categoryLabel", true);
  const { categories, series, orientation } = spec;
  if (!Array.isArray(categories) || categories.length === 0) {
    fail("categories 不能为空", "categories must be a non-empty array");
  }
  categories.forEach((c: unknown, i) => {
    if (typeof c !== "string") checkBilingual(c, `categories[${i}]`);
  });
  if (orientation !== undefined && orientation !== "vertical" && orientation !== "horizontal") {
    fail(
      `orientation "${String(orientation)}" 须为 vertical 或 horizontal`,
      `orientation "${String(orientation)}" must be vertical or horizontal`,
    );
  }
  if (!Array.isArray(series) || series.length === 0) {
    fail("series 不能为空", "series must be a non-empty array");
  }
  const units = new Set<string>();
  series.forEach((s: unknown, i) => {
    if (!isObj(s) || typeof s.unit !== "string" || !Array.isArray(s.values)) {
      fail(`第 ${i + 1} 组数据须有 name、unit、values`, `series ${i} needs name, unit and values`);
    }
    checkBilingual(s.name, `series[${i}].name`);
    if (s.values.length !== categories.length) {
      fail(
        `第 ${i + 1} 组有 ${s.values.length} 个值，但有 ${categories.length} 个类别`,
        `series ${i} has ${s.values.length} values for ${categories.length} categories`,
      );
    }
    if (!s.values.every((v) => v === null || (typeof v === "number" && Number.isFinite(v)))) {
      fail(`第 ${i + 1} 组的值须为数字或 null`, `series ${i} values must be numbers or null`);
    }
    units.add(s.unit);
  });
  if (units.size > 2) {
    fail(
      `一张图最多两种单位，收到 "${[...units].join(", ")}"`,
      `at most two units per chart, got "${[...units].join(", ")}": split it into two charts`,
    );
  }
}

/**
 * Checks that a value (e.g. a tool result's `structuredContent.chart`) is a drawable ChartSpec and
 * returns it typed; throws a bilingual error naming the first problem otherwise.
 */
export function checkChartSpec(value: unknown): ChartSpec {
  if (!isObj(value)) fail("须为对象", `expected an object, got "${typeof value}"`);
  if (value.kind !== "depth_curve" && value.kind !== "bar") {
    fail(
      `未知图表类型 "${String(value.kind)}"`,
      `unknown chart kind "${String(value.kind)}": use depth_curve or bar`,
    );
  }
  checkBilingual(value.title, "title");
  if (value.kind === "depth_curve") {
    checkDepth(value);
    return value;
  }
  checkBar(value);
  return value;
}
