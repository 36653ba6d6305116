import type { NptCategory, OperationId } from "./main-work-categories.ts";

/**
 * One row of the main-work keyword table: the words (matched as substrings of NFKC,
 * lower-cased text; the longest match wins where two overlap) and what they mean.
 * An NPT row's `id` is its cause; a `generic` cause (等停, 停工, 复杂) gives way to a specific
 * one written in the same phrase (大风停工 is weather, not a second stoppage).
 */
export type MainWorkKeyword =
  | { kind: "operation"; id: OperationId; keywords: readonly string[]; zh: string; en: string }
  | {
    kind: "npt";
    id: string;
    category: NptCategory;
    keywords: readonly string[];
    zh: string;
    en: string;
    generic?: boolean;
  };

const op = (id: OperationId, zh: string, en: string, keywords: string[]): MainWorkKeyword =>
  ({ kind: "operation", id, zh, en, keywords });
const npt = (category: NptCategory, id: string, zh: string, en: string, keywords: string[], generic = false): MainWorkKeyword =>
  ({ kind: "npt", category, id, zh, en, keywords, generic });

/** The one bilingual table `classifyMainWork` reads: operations, then NPT causes. */
export const MAIN_WORK_KEYWORDS: readonly MainWorkKeyword[] = Object.freeze([
  op("drilling", "钻进", "drilling", [
    "钻进", "钻至", "钻到", "进尺", "开钻", "复钻", "侧钻", "接单根", "钻塞", "钻水泥塞", "扫塞", "扫水泥塞",
  ]),
  op("tripping", "起下钻", "tripping", [
    "起钻", "下钻", "起下钻", "短起下", "短起下钻", "短起", "通井", "起出", "下入钻具", "甩钻具",
    "倒钻具", "组合钻具", "换钻头", "更换钻头", "换钻具", "更换钻具",
  ]),
  op("casing", "下套管", "running casing", [
    "下套管", "下入套管", "下完套管", "套管下至", "下表套", "下技套", "下油套", "下尾管",
    "下表层套管", "下技术套管", "下油层套管", "下生产套管",
  ]),
  op("cementing", "固井", "cementing", [
    "固井", "注水泥", "挤水泥", "打水泥塞", "候凝", "等凝", "水泥凝固", "等水泥凝固", "等待水泥凝固",
  ]),
  op("logging", "测井", "logging", ["测井", "电测", "声幅", "测固井质量"]),
  op("circulating", "循环", "circulating", [
    "循环", "洗井", "调整钻井液", "调整泥浆", "处理钻井液", "处理泥浆", "调泥浆",
  ]),
  op("reaming", "划眼", "reaming", ["划眼", "倒划眼", "扩眼", "扩划眼"]),
  op("coring", "取心", "coring", ["取心", "取芯", "割心"]),
  op("rig_move", "搬安", "rig move and installation", [
    "搬安", "搬家", "搬迁", "搬运", "安装", "拆卸", "拆甩", "拆装", "立井架", "起井架", "放井架",
  ]),
  op("testing", "试油试压", "testing", ["试油", "试压", "试气", "试采", "试漏", "地层测试", "中途测试", "钻杆测试"]),
  npt("equipment", "equipment_repair", "设备故障修理", "equipment failure and repair", [
    "修理", "检修", "维修", "抢修", "修泵", "修顶驱", "修绞车", "修发电机", "修柴油机", "修机", "更换", "换泵", "换缸套", "换阀",
    "故障", "设备故障", "设备事故", "损坏", "失灵", "泵坏",
  ]),
  npt("equipment", "power_outage", "停电", "power outage", ["停电", "断电", "发电机故障"]),
  npt("waiting", "waiting_materials", "等料", "waiting on materials", [
    "待料", "等料", "等材料", "等水泥", "等套管", "等钻具", "等钻头", "等配件", "等泥浆", "等钻井液",
    "等车", "等罐车",
  ]),
  npt("waiting", "waiting_orders", "等指令", "waiting on orders", [
    "等命令", "等指令", "等通知", "等方案", "等措施", "等决定", "待命", "等甲方",
  ]),
  npt("waiting", "waiting_services", "等队伍设备", "waiting on services or equipment", [
    "等设备", "等仪器", "等测井", "等固井", "等队伍", "等定向", "等吊车",
  ]),
  npt("waiting", "waiting", "等停", "waiting (unspecified)", ["等停", "停待", "等待", "等候"], true),
  npt("downhole", "stuck_pipe", "卡钻", "stuck pipe", [
    "卡钻", "遇卡", "粘卡", "粘吸卡", "压差卡", "解卡", "泡油", "泡解卡剂", "震击",
  ]),
  npt("downhole", "lost_circulation", "井漏", "lost circulation", ["井漏", "漏失", "堵漏", "失返", "渗漏"]),
  npt("downhole", "kick", "溢流井涌", "kick (well control)", ["溢流", "井涌", "井喷", "气侵", "压井", "关井求压"]),
  npt("downhole", "wellbore_collapse", "井塌", "wellbore collapse", ["井塌", "坍塌", "垮塌", "掉块"]),
  npt("downhole", "fishing", "落鱼打捞", "fishing", ["落鱼", "打捞", "落井", "钻具落井", "断钻具", "钻具断", "断钻杆"]),
  npt("downhole", "tight_hole", "遇阻", "tight hole", ["遇阻", "阻卡", "缩径"]),
  npt("downhole", "downhole_trouble", "井下复杂", "downhole trouble (unspecified)", ["复杂", "井下复杂", "事故", "井下事故"], true),
  npt("weather", "weather", "天气", "weather", [
    "大风", "暴雨", "大雨", "降雨", "雨天", "暴雪", "大雪", "雨雪", "雷电", "雷雨", "沙尘暴", "沙尘",
    "大雾", "洪水", "冰冻", "恶劣天气", "天气原因",
  ]),
  npt("other", "community", "民扰阻工", "community interference", ["民扰", "阻工", "地方协调", "征地纠纷"]),
  npt("other", "inspection", "检查整改", "inspection and rectification", ["整改", "停工整改", "安全检查"]),
  npt("other", "shutdown", "停工", "shutdown (unspecified)", ["停工", "停钻", "停产", "放假"], true),
]);
