// The field-scale data set as a user builds it: field-layout CSV files (row 1 the codes, row 2
// the Chinese labels, see ../shared/FIELD-DATA.md) imported with `npm run import`, cached.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { benchCacheDir } from "./database.ts";

// Bump when the generated files or the migrations change, so the cached database is rebuilt
// (2: migrations 006/007 renumbered in the merge of i16).
const FIELD_VERSION = 2;
const DAY_MS = 86_400_000;
const START = Date.UTC(2020, 0, 1);
const BLOCKS = ["石南", "石西", "莫北", "陆梁", "夏子街", "玛湖"];
// Trouble as the main-work text names it: with its hours ({h}), and once without a figure.
const TROUBLE = [
  ...["处理卡钻", "修理泥浆泵", "等停待料", "井漏堵漏", "大风停工"].map((t) => `${t}{h}小时`),
  "修泵",
];

/** The field's well ids: 石南1000 … as its engineers name wells. */
export function fieldWellId(i: number): string {
  return `${BLOCKS[i % BLOCKS.length]}${1000 + i}`;
}

/** Well master CSV (codes, labels, rows) for `wells` wells. */
export function fieldWellsCsv(wells: number): string {
  const out = ["JH,QK,CW,JX,JB,SFZDJ,SJJS", "井号,区块,层位,井型,井别,是否重点井,设计井深"];
  for (let i = 0; i < wells; i++) {
    out.push(
      `${fieldWellId(i)},${BLOCKS[i % BLOCKS.length]}区块,J1b,${
        i % 3 === 0 ? "水平井" : "直井"
      },开发井,${i % 20 === 0 ? "是" : "否"},${2500 + (i % 40) * 50}`,
    );
  }
  return `${out.join("\n")}\n`;
}

/** Drilling daily CSV: `reports` rows spread over `wells` wells (35 days each), NPT only in the text, as in the field. */
export function fieldDailyCsv(wells: number, reports: number): string {
  const out = [
    "JH,RQ,KZRQ,DW,DRJS,ZJRJC,ZTLX,ZTZJ,ZY,ZS,BYA,BPL,ZJYMD,ZJYND,CZJLJSJ,BRZYGZ",
    "井号,日期,开钻日期,单位,当日井深,日进尺,钻头类型,钻头直径,钻压,钻速,泵压,排量,钻井液密度,钻井液粘度,纯钻进累计时间,本日主要工作",
  ];
  const perWell = Math.ceil(reports / wells);
  let n = 0;
  for (let w = 0; w < wells && n < reports; w++) {
    const spud = START + ((w * 7) % 1200) * DAY_MS;
    let depth = 0, hours = 0;
    for (let d = 0; d < perWell && n < reports; d++, n++) {
      const footage = d === 0 ? 0 : 40 + ((w * 31 + d * 17) % 160);
      const drilled = footage === 0 ? 0 : 6 + ((w + d) % 14);
      depth += footage;
      hours += drilled;
      const rop = drilled ? (footage / drilled).toFixed(2) : "";
      const date = new Date(spud + d * DAY_MS).toISOString().slice(0, 10);
      const trouble = (w * 13 + d * 7) % 9 === 0
        ? `；${TROUBLE[(w + d) % TROUBLE.length].replace("{h}", String(1 + ((w + d) % 6)))}`
        : "";
      out.push(
        `${fieldWellId(w)},${date},${
          new Date(spud).toISOString().slice(0, 10)
        },m,${depth},${footage},PDC,${d < 10 ? 311.2 : 215.9},${80 + (d % 5) * 10},${rop},` +
          `${18 + (d % 6)},${30 + (d % 4)},1.2${d % 10},${
            40 + (d % 20)
          },${hours},"钻进至${depth}m${trouble}"`,
      );
    }
  }
  return `${out.join("\n")}\n`;
}

/**
 * The path of the field-scale database (`wells` wells in the master, `reports` daily reports),
 * built once with the import command from CSV files and reused (bench cache dir).
 */
export function ensureFieldDatabase(
  wells: number,
  reports: number,
  say: (line: string) => void,
): string {
  const dir = join(benchCacheDir(), `field-${wells}-${reports}-v${FIELD_VERSION}`);
  const path = join(dir, "field.db");
  if (existsSync(path)) return path;
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const wellsCsv = join(dir, "油井基础信息.csv");
  const dailyCsv = join(dir, "钻井工程日报.csv");
  writeFileSync(wellsCsv, fieldWellsCsv(wells));
  writeFileSync(dailyCsv, fieldDailyCsv(wells, reports));
  const partial = join(dir, "field.partial.db");
  for (const file of [wellsCsv, dailyCsv]) {
    say(`  npm run import -- ${file}`);
    const run = spawnSync(process.execPath, ["scripts/import.ts", file], {
      env: { ...process.env, DATABASE_URL: `file:${partial}` },
      encoding: "utf8",
      maxBuffer: 64 * 1024 * 1024,
    });
    if (run.status !== 0) {
      throw new Error(`import of ${file} failed (${run.status}):\n${run.stderr.slice(-2000)}`);
    }
  }
  renameSync(partial, path);
  for (const f of ["-wal", "-shm"]) rmSync(`${partial}${f}`, { force: true });
  return path;
}
