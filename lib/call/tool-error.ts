/** The kinds of expected failure a tool reports (REST maps them to 400, 404, 409, 403). */
export type ToolErrorKind = "invalid" | "not_found" | "conflict" | "forbidden";

/** An expected failure with a user-facing bilingual message; never logged as a fault. */
export class ToolError extends Error {
  override name = "ToolError";
  readonly kind: ToolErrorKind;
  constructor(kind: ToolErrorKind, message: string) {
    super(message);
    this.kind = kind;
  }
}
