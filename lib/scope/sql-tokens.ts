/** One token of a SQL statement: a word (keyword or identifier, quoted ones unquoted), a string, or punctuation. */
export interface SqlToken {
  readonly kind: "word" | "quoted" | "string" | "punct";
  /** Words upper-cased; quoted identifiers as written inside the quotes. */
  readonly text: string;
  readonly start: number;
  readonly end: number;
  /** Parenthesis depth at the token (0 = top level of the statement). */
  readonly depth: number;
}

const CLOSE: Record<string, string> = { '"': '"', "`": "`", "[": "]" };

function skipQuoted(sql: string, i: number, close: string): number {
  for (let j = i + 1; j < sql.length; j++) {
    if (sql[j] !== close) continue;
    if (close !== "]" && sql[j + 1] === close) j++;
    else return j + 1;
  }
  return sql.length;
}

/**
 * Splits SQLite SQL into tokens, skipping whitespace and comments, keeping each token's
 * parenthesis depth. Enough to find a statement's verb, its write target and top-level
 * clauses; not a parser.
 */
export function tokenizeSql(sql: string): SqlToken[] {
  const tokens: SqlToken[] = [];
  let depth = 0;
  let i = 0;
  while (i < sql.length) {
    const c = sql[i];
    if (/\s/.test(c)) i++;
    else if (c === "-" && sql[i + 1] === "-") {
      const nl = sql.indexOf("\n", i);
      i = nl < 0 ? sql.length : nl + 1;
    } else if (c === "/" && sql[i + 1] === "*") {
      const endc = sql.indexOf("*/", i + 2);
      i = endc < 0 ? sql.length : endc + 2;
    } else if (c === "'") {
      const end = skipQuoted(sql, i, "'");
      tokens.push({ kind: "string", text: sql.slice(i, end), start: i, end, depth });
      i = end;
    } else if (c in CLOSE) {
      const end = skipQuoted(sql, i, CLOSE[c]);
      tokens.push({ kind: "quoted", text: sql.slice(i + 1, end - 1), start: i, end, depth });
      i = end;
    } else if (/[A-Za-z_]/.test(c)) {
      let end = i + 1;
      while (end < sql.length && /[A-Za-z0-9_$]/.test(sql[end])) end++;
      tokens.push({ kind: "word", text: sql.slice(i, end).toUpperCase(), start: i, end, depth });
      i = end;
    } else {
      if (c === ")") depth--;
      tokens.push({ kind: "punct", text: c, start: i, end: i + 1, depth });
      if (c === "(") depth++;
      i++;
    }
  }
  return tokens;
}
