import { Buffer } from "node:buffer";
import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { join } from "node:path";

/** `../shared/realdata/` beside the project (published data read in place, never copied in; see its README). */
export const REALDATA_DIR = join(
  fileURLToPath(new URL("../../../shared/realdata/", import.meta.url)),
);

/** The path of a file under REALDATA_DIR. */
export function realData(...parts: string[]): string {
  return join(REALDATA_DIR, ...parts);
}

/** A Volve drillReport XML file's text, decoded from ISO-8859-1 as it declares. */
export async function volveXmlText(name: string): Promise<string> {
  const bytes = await readFile(realData("volve_ddr_xml", name));
  return Buffer.from(bytes).toString("latin1");
}

/** The total depth (m) the regulator records for a wellbore, read from sodir/volve_wellbores.csv. */
export async function sodirTotalDepth(wellbore: string): Promise<number> {
  const [head, ...rows] = (await readFile(realData("sodir", "volve_wellbores.csv"), "utf8")).split(
    /\r?\n/,
  );
  const cols = head.split(",");
  const name = cols.indexOf("wlbWellboreName");
  const td = cols.indexOf("wlbTotalDepth");
  const row = rows.map((r) => r.split(",")).find((r) => r[name] === wellbore);
  if (!row) throw new Error(`no wellbore ${wellbore} in sodir/volve_wellbores.csv`);
  return Number(row[td]);
}
