/** A generated daily-report CSV and what reading it must give. */
export interface DailyCsv {
  readonly text: string;
  /** Rows that must be read (every generated data row except the blank ones). */
  readonly dataRows: number;
  readonly blankRows: number;
}

const START = Date.UTC(2020, 0, 1);
const WELLS = 2000;

/**
 * A drilling daily CSV of `lines` lines after a header of codes: 2,000 wells,
 * one report per well and day from 2020-01-01, every 25th line blank (about 4%,
 * as in the field's file), text dates in three spellings, a DW unit column.
 */
export function generateDailyCsv(lines: number): DailyCsv {
  const out = ["JH,RQ,KZRQ,DW,DRJS,ZJRJC,ZTLX,ZTZJ,ZY,ZS,BYA,BPL,ZJYMD,ZJYND,CZJLJSJ,BRZYGZ"];
  let blankRows = 0;
  let report = 0;
  for (let i = 0; i < lines; i++) {
    if (i % 25 === 24) {
      out.push(",,,m,,,,,,,,,,,,");
      blankRows += 1;
      continue;
    }
    const date = new Date(START + Math.floor(report / WELLS) * 86_400_000).toISOString().slice(
      0,
      10,
    );
    const spelled = report % 3 === 0
      ? date
      : report % 3 === 1
      ? date.replaceAll("-", "/")
      : date.replaceAll("-", "");
    const depth = 500 + (report % 3000);
    out.push(
      `井${report % WELLS},${spelled},2019-12-01,m,${depth},${
        (report % 90) + 0.5
      },PDC,215.9,80,12.3,18.5,32,1.25,45,` +
        `${report % 500},"钻进至${depth}m，循环, 处理钻井液"`,
    );
    report += 1;
  }
  return { text: out.join("\n") + "\n", dataRows: report, blankRows };
}
