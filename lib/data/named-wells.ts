/** Arguments or a filter naming wells: one by `well_id`, several by `well_ids`, or both. */
export interface WellsNamed {
  readonly well_id?: string;
  readonly well_ids?: readonly string[];
}

/** The wells `x` names, `well_id` first then `well_ids`, as given (an empty `well_id` names none). */
export function namedWells(x: WellsNamed): string[] {
  return [...(x.well_id ? [x.well_id] : []), ...(x.well_ids ?? [])];
}
