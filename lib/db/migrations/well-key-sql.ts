// Generated columns and single expressions cannot hold the ~100 nested replace() calls a
// full-width mapping needs (SQLite's parser stack stops near 35), so triggers apply the
// mapping in stages. Staying in SQL keeps the key right whoever writes the row.

const WHITESPACE = [" ", "\t", "\n", "\r", "\u3000", "\u00a0"];
const PER_STAGE = 25;

function replacements(): [string, string][] {
  const pairs: [string, string][] = WHITESPACE.map((ws) => [ws, ""]);
  for (let cp = 0xff01; cp <= 0xff5e; cp++) {
    pairs.push([String.fromCodePoint(cp), String.fromCodePoint(cp - 0xfee0)]);
  }
  return pairs;
}

const quote = (s: string): string => `'${s.replace(/'/g, "''")}'`;

/**
 * The SQL expressions that, applied in order (each to the previous result, the first to
 * `first`), compute `normalizeWellId` of it (lib/words/well-id.ts) for the ids a field
 * really has: whitespace (also U+3000, U+00A0) removed, full-width ASCII to half-width,
 * ASCII upper-cased, one trailing 井 or 井号 dropped. `current` names the running value.
 */
export function wellKeyStages(first: string, current: string): string[] {
  const pairs = replacements();
  const stages: string[] = [];
  for (let i = 0; i < pairs.length; i += PER_STAGE) {
    let expr = i === 0 ? first : current;
    for (const [from, to] of pairs.slice(i, i + PER_STAGE)) {
      expr = `replace(${expr}, ${quote(from)}, ${quote(to)})`;
    }
    stages.push(expr);
  }
  const raw = `upper(${current})`;
  stages.push(
    `CASE WHEN substr(${raw}, -2) = '井号' THEN substr(${raw}, 1, length(${raw}) - 2) ` +
      `WHEN substr(${raw}, -1) = '井' THEN substr(${raw}, 1, length(${raw}) - 1) ELSE ${raw} END`,
  );
  return stages;
}

/**
 * Statements that add `target` (the normalized key of `source`) to `table`: the column,
 * an index on (`target`, `source`), a backfill, and insert/update triggers that keep it
 * right for every writer. Migration 003 uses it; never change its output: add a migration.
 */
export function wellKeyColumnStatements(table: string, source: string, target: string): string[] {
  const backfill = wellKeyStages(source, target).map((expr) =>
    `UPDATE ${table} SET ${target} = ${expr}`
  );
  const body = wellKeyStages(`NEW.${source}`, target)
    .map((expr) => `UPDATE ${table} SET ${target} = ${expr} WHERE rowid = NEW.rowid;`).join("\n  ");
  return [
    `ALTER TABLE ${table} ADD COLUMN ${target} TEXT`,
    ...backfill,
    `CREATE INDEX ${table}_${target} ON ${table} (${target}, ${source})`,
    `CREATE TRIGGER ${table}_${target}_insert AFTER INSERT ON ${table} BEGIN\n  ${body}\nEND`,
    `CREATE TRIGGER ${table}_${target}_update AFTER UPDATE OF ${source} ON ${table} BEGIN\n  ${body}\nEND`,
  ];
}
