import { PARTY_ID_PATTERN } from '../../../catalog';

/**
 * Hotline systems registered for the divisions they send work orders for. An order number was once unique within its
 * street, so two systems sending for one street could each send their own order under the same number, and the second
 * was taken for the first and dropped for good, with no dead letter (an events audit of 2026-12-05). A number is now
 * unique within its street for each sender (a street office's backfill under it no longer makes the hotline's own
 * order a duplicate), but a street is still served by one system: its start bounds the street's backfill
 * (sentByHotline), and two systems' copies of one order would both be kept. A registration whose divisions contain,
 * or lie within, another system's is refused.
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

/**
 * What is wrong with a registration, by field; none: it may be saved. The system sends on its own topic,
 * complaints.orders.v1.<organisationId>, and the hub takes an order only when the senderOrganisationId it names is
 * that topic's: an id no topic can carry (upper case, 64 characters and more, all taken before) registered a system
 * whose every order was dead-lettered.
 */
export function hotlineSenderProblems(input: {
  organisationId: string;
  name: string;
  jurisdictions: readonly string[];
}): Record<string, string> {
  const fields: Record<string, string> = {};
  if (!PARTY_ID_PATTERN.test(input.organisationId?.trim() ?? ''))
    fields.organisationId = "2-63 lower-case letters, digits and hyphens: it names the system's topic";
  if (!input.name?.trim()) fields.name = 'must not be empty';
  if (
    input.jurisdictions.length === 0 ||
    input.jurisdictions.length > 100 ||
    // a street's code at most: orders name their street (9 digits), which a community's code never covers
    input.jurisdictions.some((j) => !/^[0-9]{2,9}$/.test(j))
  ) {
    fields.jurisdictions = '1 to 100 division codes of 2–9 digits';
  }
  return fields;
}

/**
 * A division a system sends orders for, and since when it has without a break. A street's import is its history up
 * to then: a later registration adding a street gives that street its own start, so the street's earlier orders stay
 * a backfill (one start a system, its first registration's, refused every order of a street added since: stop 61).
 */
export interface ServedDivision {
  code: string;
  since: Date;
}

/** The earliest start among the divisions holding `code` (itself, or a wider division); none when none does. */
function startCovering(code: string, served: readonly ServedDivision[]): Date | undefined {
  const starts = served.filter((d) => code.startsWith(d.code)).map((d) => d.since.getTime());
  return starts.length > 0 ? new Date(Math.min(...starts)) : undefined;
}

/**
 * The divisions of a registration with their starts: a division already served, by itself or by a wider division of
 * the same system, keeps the earliest start covering it; a new one starts now. A narrower division served since
 * earlier than the wider one now registered is kept beside it, so a street keeps its start when its system widens
 * to the street's district (before, the district's new start replaced the street's, and a backfill could take the
 * orders the system had sent for that street since). A division dropped and registered again starts again.
 */
export function divisionsServed(
  previous: readonly ServedDivision[],
  next: readonly string[],
  now: Date,
): ServedDivision[] {
  const current = next.map((code) => ({ code, since: startCovering(code, previous) ?? now }));
  const kept = previous.filter((p) =>
    current.some((c) => p.code !== c.code && p.code.startsWith(c.code) && p.since < c.since),
  );
  return [...current, ...kept.filter((k) => !next.includes(k.code))];
}

/**
 * The system sending a street's orders and since when, if one does. A street's import is its history: an order it
 * received since then comes from that system, and a line of a backfill taking its number first had the system's own
 * order dropped as a duplicate, with the office's text and deadlines kept instead (and, its deadline past on import,
 * left out of the response rate: a helper's audit of 2026-12-06).
 */
export function hotlineServing(
  streetCode: string,
  senders: readonly { organisationId: string; served: readonly ServedDivision[] }[],
): { organisationId: string; since: Date } | undefined {
  for (const s of senders) {
    const since = startCovering(streetCode, s.served);
    if (since) return { organisationId: s.organisationId, since };
  }
  return undefined;
}

/** Why a backfill's order may not be imported: received since the hotline system serving its street began; else none. */
export function sentByHotline(
  order: { streetCode: string; receivedAt: string },
  senders: readonly { organisationId: string; served: readonly ServedDivision[] }[],
): string | undefined {
  const hotline = hotlineServing(order.streetCode, senders);
  if (!hotline || Date.parse(order.receivedAt) < hotline.since.getTime()) return undefined;
  return `received since ${hotline.since.toISOString()}, when the hotline system ${hotline.organisationId} began sending this street's orders: it comes from the hotline, not a backfill`;
}
