import { parse } from "csv-parse";
import type { RawRow } from "./types.ts";

/**
 * Reads CSV text row by row with csv-parse. Row numbers count records, which is
 * what Excel shows when the file is opened there (a quoted line break stays in
 * its cell). The delimiter is a comma unless the first line holds tabs and no comma.
 */
export async function* readCsvRows(text: string): AsyncGenerator<RawRow> {
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  const delimiter = firstLine.includes("\t") && !firstLine.includes(",") ? "\t" : ",";
  const parser = parse(text, {
    delimiter,
    bom: true,
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: false,
  });
  let row = 0;
  for await (const record of parser as AsyncIterable<string[]>) {
    row += 1;
    yield { row, cells: record };
  }
}
