import { test } from "node:test";
import assert from "node:assert/strict";
import { classifyMainWork } from "../../lib/words/main-work.ts";

// [text, operations, NPT as "cause:hours" (hours "-" when the text gives none)]
const CASES: [string, string[], string[]][] = [
  ["钻进至2350m，起钻换钻头，下钻", ["drilling", "tripping"], []],
  ["处理卡钻6小时，泡油解卡", ["other"], ["stuck_pipe:6"]],
  ["井漏，堵漏，漏失钻井液15方", ["other"], ["lost_circulation:-"]],
  ["等停待料8h", ["other"], ["waiting_materials:8"]],
  ["修理泥浆泵4.5小时", ["other"], ["equipment_repair:4.5"]],
  ["固井候凝", ["cementing"], []],
  ["测井", ["logging"], []],
  ["大风停工", ["other"], ["weather:-"]],
  ["钻进至1850m，无井漏", ["drilling"], []],
  ["钻进，未发生溢流", ["drilling"], []],
  ["钻进正常，井下无复杂", ["drilling"], []],
  ["无井漏、溢流等异常现象", ["other"], []],
  ["未见明显掉块", ["other"], []],
  ["无井漏，溢流0.5方", ["other"], ["kick:-"]],
  ["钻进至2000m无井漏起钻遇卡", ["drilling", "tripping"], ["stuck_pipe:-"]],
  ["钻进至2300m，起下钻无阻卡", ["drilling", "tripping"], []],
  ["循环堵漏8h，漏失钻井液30方", ["circulating"], ["lost_circulation:8"]],
  ["8:00-14:00修理顶驱，14:00-24:00钻进", ["drilling"], ["equipment_repair:6"]],
  ["起钻至1500m遇阻，划眼2h", ["tripping", "reaming"], ["tight_hole:-"]],
  ["发现溢流，关井压井5小时", ["other"], ["kick:5"]],
  ["更换钻头后下钻", ["tripping"], []],
  ["更换泥浆泵缸套3个小时", ["other"], ["equipment_repair:3"]],
  ["暴雨停工12小时", ["other"], ["weather:12"]],
  ["停电3h，修发电机", ["other"], ["power_outage:3", "equipment_repair:-"]],
  ["井壁坍塌，掉块严重，循环划眼", ["circulating", "reaming"], ["wellbore_collapse:-"]],
  ["钻具落井，打捞落鱼10小时", ["other"], ["fishing:10"]],
  ["下套管至1500m", ["casing"], []],
  ["下技术套管，固井，候凝", ["casing", "cementing"], []],
  ["取心钻进至2410m，割心起钻", ["drilling", "tripping", "coring"], []],
  ["搬家安装，立井架", ["rig_move"], []],
  ["防喷器试压合格", ["testing"], []],
  ["中途测试", ["testing"], []],
  ["等命令", ["other"], ["waiting_orders:-"]],
  ["钻水泥塞，扫塞至1200m", ["drilling"], []],
  ["村民阻工", ["other"], ["community:-"]],
  ["停工整改", ["other"], ["inspection:-"]],
  ["短起下钻，循环调整泥浆", ["tripping", "circulating"], []],
  ["钻进至3000m，修泵1.5h，钻进", ["drilling"], ["equipment_repair:1.5"]],
  ["修泵2h等料3h", ["other"], ["equipment_repair:2", "waiting_materials:3"]],
  ["钻进8h，修泵半小时", ["drilling"], ["equipment_repair:0.5"]],
  ["钻进6h，卡钻，处理卡钻一个半小时", ["drilling"], ["stuck_pipe:1.5"]],
  ["等定向仪器，钻进无进尺", ["drilling"], ["waiting_services:-"]],
  ["卡钻无法解卡，泡解卡剂", ["other"], ["stuck_pipe:-"]],
  ["井下复杂，停钻", ["other"], ["downhole_trouble:-", "shutdown:-"]],
  ["井漏失返，井下复杂", ["other"], ["lost_circulation:-", "downhole_trouble:-"]],
  ["卡钻事故，处理3h", ["other"], ["stuck_pipe:-"]],
  ["钻速5m/h，钻进8h", ["drilling"], []],
  ["ＣＣ：钻进至２３５０ｍ，修理顶驱２ｈ", ["drilling"], ["equipment_repair:2"]],
  ["22:00-06:00等停", ["other"], ["waiting:8"]],
  ["电测完，等固井队", ["logging"], ["waiting_services:-"]],
  ["等待水泥凝固", ["cementing"], []],
  ["钻进至1200m。堵漏4h。等待堵漏浆2h", ["drilling"], ["lost_circulation:6"]], // waiting for a lost-circulation pill counts as lost circulation,
  ["", [], []],
];

test("classifyMainWork reads operations, NPT and their hours", () => {
  for (const [text, operations, npt] of CASES) {
    const got = classifyMainWork(text);
    assert.deepEqual(got.operations, operations, `operations of "${text}"`);
    const summary = got.npt.map((n) => `${n.cause}:${n.hours ?? "-"}`);
    assert.deepEqual(summary, npt, `NPT of "${text}"`);
  }
});

test("NPT findings carry category and bilingual cause", () => {
  const [stuck] = classifyMainWork("处理卡钻6小时").npt;
  assert.deepEqual(stuck, {
    category: "downhole",
    cause: "stuck_pipe",
    zh: "卡钻",
    en: "stuck pipe",
    hours: 6,
  });
  assert.equal(classifyMainWork("大风停工").npt[0].category, "weather");
  assert.equal(classifyMainWork("等停待料8h").npt[0].category, "waiting");
  assert.equal(classifyMainWork("修理泥浆泵").npt[0].category, "equipment");
  assert.equal(classifyMainWork("村民阻工").npt[0].category, "other");
});

test("hours of one cause in several phrases add up", () => {
  assert.deepEqual(classifyMainWork("修泵2h，钻进，修泵1.5h").npt.map((n) => n.hours), [3.5]);
});
