/**
 * What a tool list costs the model: its tools as a function-calling request sends them, in o200k tokens.
 * @module
 */
import { encode } from "gpt-tokenizer/encoding/o200k_base";

/** A listed tool as far as the model sees it. */
export interface ListedTool {
  readonly name: string;
  readonly description?: string;
  readonly inputSchema: unknown;
}

/** The o200k tokens of `tools`, each written as an OpenAI function definition. */
export function toolTokens(tools: readonly ListedTool[]): number {
  return tools.reduce(
    (n, t) =>
      n +
      encode(
        JSON.stringify({
          type: "function",
          function: { name: t.name, description: t.description, parameters: t.inputSchema },
        }),
      )
        .length,
    0,
  );
}
