/**
 * Hotline systems registered for the divisions they send work orders for. An order number is unique within its
 * street (the street's import and the hotline's own event of one order must meet), so two systems sending for one
 * street could each send their own order under the same number, and the second was taken for the first and dropped
 * for good, with no dead letter (an events audit of 2026-12-05). A street is therefore served by one system: a
 * registration whose divisions contain, or lie within, another system's is refused.
 */
export interface RegisteredSender {
  organisationId: string;
  jurisdictions: readonly string[];
}

/** Each other system whose divisions overlap these, with the overlapping codes of its own; none: no overlap. */
export function overlappingSenders(
  organisationId: string,
  jurisdictions: readonly string[],
  others: readonly RegisteredSender[],
): { organisationId: string; divisions: string[] }[] {
  const overlaps = (a: string, b: string) => a.startsWith(b) || b.startsWith(a);
  return others
    .filter((o) => o.organisationId !== organisationId)
    .map((o) => ({
      organisationId: o.organisationId,
      divisions: o.jurisdictions.filter((theirs) => jurisdictions.some((mine) => overlaps(mine, theirs))),
    }))
    .filter((o) => o.divisions.length > 0);
}
