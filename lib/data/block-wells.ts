import type { Executor } from "../db/db.ts";
import { ToolError } from "../call/tool-error.ts";

/** A block (区块) as stored in the well master, with its live wells. */
export interface BlockWells {
  readonly block: string;
  readonly well_ids: string[];
}

// People write 石南, 石南区块, 石南区 or "Shinan block"; the master stores 石南.
function bare(typed: string): string {
  // The suffix is matched alone and the spaces trimmed after: `\s*` before it is quadratic on a run of spaces.
  return typed.normalize("NFKC").trim().replace(/(?:区块|区|block)$/i, "").trim();
}

/**
 * Reads a typed block name against the well master's `block` and `block_code`: an exact match
 * (after dropping 区块/区/block), else the one block containing the text. Unknown or ambiguous
 * names are a ToolError naming the blocks to choose from; never a guess.
 */
export async function resolveBlock(db: Executor, typed: string): Promise<BlockWells> {
  const rs = await db.execute(
    "SELECT block, block_code, well_id FROM wells WHERE deleted_at IS NULL AND block IS NOT NULL AND trim(block) <> '' ORDER BY well_id",
  );
  const blocks = new Map<string, { code: string | null; wells: string[] }>();
  for (const r of rs.rows) {
    const name = String(r.block).trim();
    const entry = blocks.get(name) ??
      { code: r.block_code === null ? null : String(r.block_code), wells: [] };
    entry.wells.push(String(r.well_id));
    blocks.set(name, entry);
  }
  const want = bare(typed).toLowerCase();
  const names = [...blocks.keys()].sort();
  const exact = names.filter((n) =>
    bare(n).toLowerCase() === want || blocks.get(n)!.code?.toLowerCase() === want
  );
  const found = exact.length > 0
    ? exact
    : want === ""
    ? []
    : names.filter((n) => n.toLowerCase().includes(want));
  if (found.length === 1) return { block: found[0], well_ids: blocks.get(found[0])!.wells };
  const list = (found.length > 1 ? found : names).join("、");
  if (found.length > 1) {
    throw new ToolError(
      "invalid",
      `区块 "${typed}" 不唯一，可能是：${list} / block "${typed}" is ambiguous: did you mean ${list}?`,
    );
  }
  throw new ToolError(
    "not_found",
    `找不到区块 "${typed}"，已有区块：${list || "无 none"} / no block "${typed}": the blocks are ${
      list || "none"
    }`,
  );
}
