/**
 * What a save tool's answer says of each record, in one array to compare.
 * @module
 */

/** Each record's status in a save tool's answer (`inserted`, `rejected`, `not_saved` …), in order. */
export function saveStatuses(result: { results: readonly { status: string }[] }): string[] {
  return result.results.map((x) => x.status);
}
