import type { ColumnValue } from "../../schema/column.ts";
import { child, childrenNamed, childText, parseXml, XmlError } from "../xml/read-xml.ts";
import type { XmlElement } from "../xml/read-xml.ts";
import { readStamp, ReportFileError } from "./report-day.ts";
import type { FigureSource, ReportDay, Stamp } from "./report-day.ts";
import { acceptedUoms, unitFactor } from "./units.ts";
import type { Quantity } from "./units.ts";

/** The WITSML 1.x data namespace (1.3.1 and 1.4.x share it). */
export const WITSML_NS = "http://www.witsml.org/schemas/1series";
// The Volve reports (and many WITSML writers) mark a missing figure -999.99 or -999.25.
const NULL_BELOW = -999;

function tag(el: XmlElement): string {
  return `<${el.qname}>`;
}

/** Reads one drillReport document (already decoded text) into report days; throws ReportFileError naming the file and element. */
export function readDrillReports(text: string, file: string): ReportDay[] {
  let root: XmlElement;
  try {
    root = parseXml(text);
  } catch (error) {
    if (error instanceof XmlError) {
      const [zh, en] = error.message.split(" / ");
      throw new ReportFileError(file, error.element, error.line, zh, en ?? zh);
    }
    throw error;
  }
  if (root.name !== "drillReports" || root.ns !== WITSML_NS) {
    throw new ReportFileError(
      file,
      tag(root),
      root.line,
      `根元素不是 WITSML drillReports（命名空间 ${WITSML_NS}）`,
      `the root element is not a WITSML drillReports (namespace ${WITSML_NS}): this is not a daily drilling report file`,
    );
  }
  const version = root.attrs.version;
  if (version !== undefined && !/^1\.4(\.|$)/.test(version)) {
    throw new ReportFileError(
      file,
      tag(root),
      root.line,
      `不支持的 WITSML 版本 "${version}"，应为 1.4.x`,
      `unsupported WITSML version "${version}": 1.4.x is read`,
    );
  }
  const reports = childrenNamed(root, "drillReport");
  if (reports.length === 0) {
    throw new ReportFileError(
      file,
      tag(root),
      root.line,
      "没有 <drillReport> 元素",
      "holds no <drillReport> element",
    );
  }
  return reports.map((r) => readOne(r, file));
}

function fail(file: string, el: XmlElement, zh: string, en: string): never {
  throw new ReportFileError(file, tag(el), el.line, zh, en);
}

function stampOf(file: string, parent: XmlElement, name: string, required: boolean): Stamp | null {
  const el = child(parent, name);
  if (!el || el.text.trim() === "") {
    if (required) fail(file, parent, `缺少 <${name}>`, `<${name}> is missing`);
    return null;
  }
  const s = readStamp(el.text);
  if (!s) {
    fail(
      file,
      el,
      `不是日期时间 "${el.text.trim().slice(0, 40)}"`,
      `not a date-time "${el.text.trim().slice(0, 40)}": use e.g. 2007-12-02T00:15:00+01:00`,
    );
  }
  return s;
}

/** A measured figure in the schema unit of `q`, or null when absent or marked missing (-999.99). */
function measure(
  file: string,
  parent: XmlElement | undefined,
  name: string,
  q: Quantity,
): { value: number; uom: string } | null {
  const el = parent && child(parent, name);
  if (!el || el.text.trim() === "") return null;
  const raw = el.text.trim();
  const n = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(raw) ? Number(raw) : NaN;
  if (!Number.isFinite(n)) {
    fail(file, el, `不是数字 "${raw.slice(0, 40)}"`, `not a number "${raw.slice(0, 40)}"`);
  }
  if (n <= NULL_BELOW) return null;
  const uom = el.attrs.uom;
  if (uom === undefined) {
    fail(file, el, "缺少单位属性 uom", "has no uom attribute: WITSML figures carry their unit");
  }
  const factor = unitFactor(q, uom);
  if (factor === null) {
    fail(
      file,
      el,
      `不认识的单位 uom="${uom}"`,
      `unknown unit uom="${uom}": accepted for this figure: ${acceptedUoms(q).join(", ")}`,
    );
  }
  return { value: Math.round(n * factor * 1e6) / 1e6, uom };
}

function bitOf(file: string, report: XmlElement, depth: number | null, holeMm: number | null) {
  const bits = childrenNamed(report, "bitRecord").map((b) => {
    const run = child(b, "bitRun");
    return {
      el: b,
      num: childText(b, "numBit"),
      dia: measure(file, b, "diaBit", "mm"),
      type: [
        childText(b, "manufacturer"),
        childText(b, "codeMfg"),
        childText(b, "codeIADC") && `IADC ${childText(b, "codeIADC")}`,
      ].filter(Boolean).join(" ") || null,
      stop: measure(file, run, "mdHoleStop", "m"),
      start: measure(file, run, "mdHoleStart", "m"),
      rop: measure(file, run, "ropAv", "m/h"),
      hours: measure(file, run, "hrsDrilled", "h"),
      made: measure(file, run, "mdTotHoleMade", "m"),
    };
  });
  // The bit that made the reported depth; else the one of the hole's size; else the last listed.
  return bits.find((b) =>
    depth !== null && b.stop !== null && Math.abs(b.stop.value - depth) < 0.05
  ) ??
    bits.find((b) => holeMm !== null && b.dia !== null && Math.abs(b.dia.value - holeMm) < 0.5) ??
    bits.at(-1);
}

function readOne(report: XmlElement, file: string): ReportDay {
  const status = child(report, "statusInfo");
  const start = stampOf(file, report, "dTimStart", false);
  const end = stampOf(file, report, "dTimEnd", false) ??
    (status ? stampOf(file, status, "dTim", false) : null);
  if (!end) {
    fail(
      file,
      report,
      "缺少报告时段结束 <dTimEnd>（或 <statusInfo><dTim>）",
      "the report period's end <dTimEnd> (or <statusInfo><dTim>) is missing",
    );
  }
  if (start && start.ms >= end.ms) {
    fail(file, report, "报告时段的开始不早于结束", "the report period starts at or after its end");
  }
  // A report covering 00:00 → 00:00 is named by the day it ends, as the Volve files are (…_2007_12_03.xml ends 2007-12-03T00:00).
  const report_date = end.date;
  const boreAliases = childrenNamed(report, "wellboreAlias");
  const wellAliases = childrenNamed(report, "wellAlias");
  const aliasNames = (list: XmlElement[]) =>
    list.filter((a) => !/number/i.test(childText(a, "namingSystem") ?? "")).map((a) =>
      childText(a, "name")
    ).filter((n): n is string => n !== null);
  const nameWellbore = childText(report, "nameWellbore");
  const nameWell = childText(report, "nameWell");
  const boreNames = [...aliasNames(boreAliases), ...(nameWellbore ? [nameWellbore] : [])];
  const wellNames = boreNames.length
    ? boreNames
    : [...aliasNames(wellAliases), ...(nameWell ? [nameWell] : [])];
  if (wellNames.length === 0) {
    fail(
      file,
      report,
      "缺少井名 <nameWellbore>/<nameWell>",
      "no well name: <nameWellbore> or <nameWell> is missing",
    );
  }
  const npdCode = [...boreAliases, ...(boreNames.length ? [] : wellAliases)].find((a) =>
    /npd code/i.test(childText(a, "namingSystem") ?? "")
  );
  const newWellId = (npdCode && childText(npdCode, "name")) ?? wellNames[wellNames.length - 1];
  const info = child(report, "wellboreInfo");
  const spud = info ? stampOf(file, info, "dTimSpud", false) : null;

  const daily: Record<string, ColumnValue> = { report_date };
  const figures: FigureSource[] = [];
  const put = (field: string, value: ColumnValue, how: string, kind?: string) => {
    if (value !== null) daily[field] = value;
    figures.push({
      field,
      value,
      how: value === null ? `— (${how})` : how,
      ...(kind && value !== null ? { kind } : {}),
    });
  };
  if (spud) put("spud_date", spud.date, "wellboreInfo/dTimSpud");
  // A figure of <statusInfo>, with where it came from or that the report does not give it.
  const putStatus = (field: string, name: string, kind: string) => {
    const m = measure(file, status, name, "m");
    put(
      field,
      m?.value ?? null,
      m ? `statusInfo/${name} (${m.uom})` : `报告未给出 ${name} not in the report`,
      kind,
    );
    return m;
  };
  const md = putStatus("depth_m", "md", "日报井深 statusInfo/md");
  putStatus("footage_m", "distDrill", "日报进尺 statusInfo/distDrill");
  const hole = measure(file, status, "diaHole", "mm");
  const bit = bitOf(file, report, md?.value ?? null, hole?.value ?? null);
  if (bit) {
    const which = `bitRecord numBit ${bit.num ?? "?"}${bit.dia ? ` ${bit.dia.value} mm` : ""}`;
    put("bit_type", bit.type, `${which}: manufacturer/codeMfg/codeIADC`);
    put(
      "bit_diameter_mm",
      bit.dia?.value ?? null,
      `${which}: diaBit${bit.dia ? ` (${bit.dia.uom})` : ""}`,
    );
    const run = bit.start && bit.stop ? ` ${bit.start.value}–${bit.stop.value} m` : "";
    const hours = bit.hours ? `, ${bit.hours.value} h` : "";
    put(
      "rop_m_h",
      bit.rop?.value ?? null,
      `${which}: bitRun/ropAv (${bit.rop?.uom ?? "—"}), 钻头行程平均 bit-run average${run}${hours}`,
      "钻头行程平均钻速 bit-run average bitRun/ropAv",
    );
  } else if (hole) {
    put("bit_diameter_mm", hole.value, `statusInfo/diaHole (${hole.uom})`);
  }
  const fluids = childrenNamed(report, "fluid")
    .map((f) => ({
      f,
      at: stampOf(file, f, "dTim", false),
      density: measure(file, f, "density", "g/cm3"),
      vis: measure(file, f, "visFunnel", "s"),
    }))
    .filter((x) => x.density !== null)
    .sort((a, b) => (a.at?.ms ?? 0) - (b.at?.ms ?? 0));
  const fluid = fluids.at(-1);
  if (fluid) {
    put(
      "mud_density_g_cm3",
      fluid.density!.value,
      `fluid ${fluid.at?.local ?? ""}: density (${fluid.density!.uom})`.replace("  ", " "),
    );
    if (fluid.vis) put("mud_viscosity_s", fluid.vis.value, `fluid: visFunnel (${fluid.vis.uom})`);
  }
  const summary = status ? childText(status, "sum24Hr") : null;
  if (summary) put("main_work", summary, "statusInfo/sum24Hr");

  const activities = childrenNamed(report, "activity").map((a) => {
    const s = stampOf(file, a, "dTimStart", true)!;
    const e = stampOf(file, a, "dTimEnd", true)!;
    const hours = (e.ms - s.ms) / 3_600_000;
    if (!(hours >= 0 && hours <= 48)) {
      fail(
        file,
        a,
        `时长无效 ${s.local} → ${e.local}`,
        `invalid duration ${s.local} → ${e.local}: the end must follow the start within 48 h`,
      );
    }
    const depth = measure(file, a, "md", "m");
    return {
      report_date,
      start_time: s.local,
      end_time: e.local,
      utc_offset: s.offset,
      hours: Math.round(hours * 10000) / 10000,
      depth_m: depth?.value ?? null,
      phase: childText(a, "phase"),
      activity_code: childText(a, "proprietaryCode"),
      state: childText(a, "state"),
      state_detail: childText(a, "stateDetailActivity"),
      comment: childText(a, "comments"),
      source: file,
    };
  });
  return {
    file,
    wellNames,
    newWellId,
    wellName: nameWellbore ?? nameWell,
    operator: info ? childText(info, "operator") : null,
    report_date,
    daily,
    figures,
    activities,
  };
}
