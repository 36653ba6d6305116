import { tokenizeSql } from "./sql-tokens.ts";

/** The statement kinds the scoped executor tells apart. */
export type SqlVerb = "SELECT" | "VALUES" | "INSERT" | "REPLACE" | "UPDATE" | "DELETE" | "OTHER";

/** What the scoped executor needs to know about one statement. */
export interface SqlShape {
  readonly verb: SqlVerb;
  /** The statement starts with its own WITH clause; `bodyStart` is where its first CTE begins. */
  readonly with: { readonly recursive: boolean; readonly bodyStart: number } | null;
  /** Lower-case name of the table an INSERT/REPLACE/UPDATE/DELETE writes, else null. */
  readonly target: string | null;
  /** Whether the write already has a top-level RETURNING clause. */
  readonly returning: boolean;
  /** Every identifier the statement names (lower-case), strings and comments excluded. */
  readonly names: ReadonlySet<string>;
}

const VERBS = new Set(["SELECT", "VALUES", "INSERT", "REPLACE", "UPDATE", "DELETE"]);

/** Reads the verb, leading WITH clause, write target and identifiers of one SQLite statement. */
export function sqlShape(sql: string): SqlShape {
  const tokens = tokenizeSql(sql);
  const names = new Set(
    tokens.filter((t) => t.kind === "word" || t.kind === "quoted").map((t) => t.text.toLowerCase()),
  );
  let i = 0;
  let withClause: SqlShape["with"] = null;
  if (tokens[0]?.kind === "word" && tokens[0].text === "WITH") {
    const recursive = tokens[1]?.kind === "word" && tokens[1].text === "RECURSIVE";
    i = recursive ? 2 : 1;
    withClause = { recursive, bodyStart: tokens[i]?.start ?? sql.length };
    while (
      i < tokens.length &&
      !(tokens[i].depth === 0 && tokens[i].kind === "word" && VERBS.has(tokens[i].text))
    ) i++;
  }
  const head = tokens[i];
  const verb = (head?.kind === "word" && VERBS.has(head.text) ? head.text : "OTHER") as SqlVerb;
  let target: string | null = null;
  if (verb === "INSERT" || verb === "REPLACE" || verb === "UPDATE" || verb === "DELETE") {
    let j = i + 1;
    if (tokens[j]?.text === "OR") j += 2;
    if (tokens[j]?.text === "INTO" || tokens[j]?.text === "FROM") j++;
    if (tokens[j + 1]?.text === ".") j += 2;
    const name = tokens[j];
    if (name && (name.kind === "word" || name.kind === "quoted")) target = name.text.toLowerCase();
  }
  const returning = tokens.slice(i).some((t) =>
    t.depth === 0 && t.kind === "word" && t.text === "RETURNING"
  );
  return { verb, with: withClause, target, returning, names };
}
