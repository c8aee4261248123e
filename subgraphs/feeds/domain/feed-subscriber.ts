import {
  CITY_FILING_REVIEWS_TOPIC,
  COURT_CASE_EVENTS_TOPIC,
  DEADLINE_REMINDERS_TOPIC,
  FILINGS_TOPIC,
  HOTLINE_ORDERS_TOPIC,
  PARTY_ID_PATTERN,
  REFERRALS_TOPIC,
  STREET_WORK_TOPIC,
  SUBGRAPH_NAMES,
  partyIdOfOrganisation,
  partyTopicName,
} from '../../../catalog';
import type { DeadlineOwnerKind } from '../../../catalog';

/**
 * An outside party registered for the Kafka feeds. Its reach is what the broker's ACLs give its principal, derived
 * here from what it is: a court reads the referrals addressed to it and reports on its own topic; a bureau reads
 * the filings and the street work (patrols, hazards) of the districts its jurisdictions cover and sends its review
 * decisions on its own topic; an enforcement bureau the same (where a city's filings are its to review, 临江市's; before,
 * it had no topic to write and its review system could not decide by Kafka; which filings a sender may decide is the
 * contracts subgraph's: its registry of review systems and the city's reviewer role, so another city's enforcement
 * bureau's decisions are dead-lettered); a 12345 hotline system only sends its work orders, on its own
 * topic `city.hotline-orders.v1.<party id>` (the party id is the `senderOrganisationId` its orders name). No party
 * reads an internal topic. A court and a bureau also read their own deadline reminders (`deadline.reminders.v1.<id>`:
 * a court's by its court id, the organisation that owns its deadlines; a bureau's by its party id), nobody else's.
 */
export const FEED_SUBSCRIBER_KINDS = ['BUREAU', 'ENFORCEMENT_BUREAU', 'COURT', 'HOTLINE_SYSTEM'] as const;
export type FeedSubscriberKind = (typeof FEED_SUBSCRIBER_KINDS)[number];

export const FEED_SUBSCRIBER_STATUSES = ['ACTIVE', 'REVOKED'] as const;
export type FeedSubscriberStatus = (typeof FEED_SUBSCRIBER_STATUSES)[number];

export interface FeedParty {
  partyId: string;
  kind: FeedSubscriberKind;
  /** COURT only: the court whose referrals it reads and for which it reports. */
  courtId: string | null;
  /** Bureaus only: division codes of a district or wider (2–6 digits); each covers every district it prefixes. */
  jurisdictions: string[];
}

/**
 * What the broker lets each party use (Kafka client quotas on its principal; the hub's choices, not a statute's). A
 * party writes reports, reviews or work orders of a few KiB each, so 512 KiB a second (its largest message, or some
 * hundred reports) is far above its need; it reads its feeds at up to 4 MiB a second (a backlog of a million 1 KB
 * events in about four minutes); and it may take a quarter of one of the broker's request threads. Without them one
 * party's client could write, fetch or ask without pause on the broker every other party and the hub share.
 */
export const FEED_PARTY_QUOTAS = {
  producerByteRate: 512 * 1024,
  consumerByteRate: 4 * 1024 * 1024,
  requestPercentage: 25,
} as const;

/** Bounds on what an administrator sends. */
export const MAX_JURISDICTIONS = 50;
const JURISDICTION_PATTERN = /^[0-9]{2,6}$/;

/**
 * Every problem of a registration, by field (empty when it is valid). `topicPrefix` is the deployment's
 * (KAFKA_TOPIC_PREFIX), which begins the hub's own consumer groups.
 */
export function registrationProblems(party: FeedParty, topicPrefix = ''): Record<string, string> {
  const fields: Record<string, string> = {};
  if (!PARTY_ID_PATTERN.test(party.partyId)) fields.partyId = 'lower-case letters, digits and hyphens, 2–63 characters';
  // A party joins the consumer groups `<party id>.`; the hub's own are `<prefix><subgraph>.` (before, a party named
  // `feeds` could join the webhook dispatcher's group and stall it, an authorization audit of 2026-12-04; and with a
  // prefix `prod.`, a party named `prod` could join every group of the hub, a feeds audit of 2026-12-06).
  // A bare subgraph name stays refused under a prefix too: the hub's groups are its own should the prefix be dropped.
  else if (
    SUBGRAPH_NAMES.some((name) => name === party.partyId || `${topicPrefix}${name}.`.startsWith(`${party.partyId}.`))
  )
    fields.partyId = `${party.partyId} names the hub's own consumer groups (${topicPrefix}<subgraph>.)`;
  if (!FEED_SUBSCRIBER_KINDS.includes(party.kind)) fields.kind = FEED_SUBSCRIBER_KINDS.join(', ');
  if (party.kind === 'COURT') {
    if (!party.courtId || !PARTY_ID_PATTERN.test(party.courtId))
      fields.courtId = 'a court id (lower-case letters, digits and hyphens) is required for a court';
    if (party.jurisdictions.length > 0)
      fields.jurisdictions = 'a court reads the referrals addressed to it: no jurisdictions';
  } else if (party.kind === 'HOTLINE_SYSTEM') {
    if (party.courtId) fields.courtId = 'only a court has a court id';
    if (party.jurisdictions.length > 0)
      fields.jurisdictions = 'a hotline system only sends its work orders: no jurisdictions';
  } else {
    if (party.courtId) fields.courtId = 'only a court has a court id';
    if (party.jurisdictions.length === 0 || party.jurisdictions.length > MAX_JURISDICTIONS) {
      fields.jurisdictions = `1–${MAX_JURISDICTIONS} division codes`;
    } else if (party.jurisdictions.some((j) => !JURISDICTION_PATTERN.test(j))) {
      fields.jurisdictions =
        'division codes of a district or wider: 2–6 digits (e.g. 11 for Beijing, 110102 for Xicheng)';
    }
  }
  return fields;
}

/**
 * A registration whose reminder topic another active party of another kind reads: a court's is named by its court id,
 * every other party's by its party id, so a bureau whose party id is a court's id would read that court's reminders.
 * Parties of one court share its reminders, as they share its referrals.
 */
export function reminderTopicConflict(party: FeedParty, active: readonly FeedParty[]): Record<string, string> {
  const topic = reminderTopicOf(party);
  const other = active.find(
    (p) => p.partyId !== party.partyId && p.kind !== party.kind && topic !== null && reminderTopicOf(p) === topic,
  );
  if (!other) return {};
  return party.kind === 'COURT'
    ? { courtId: 'another party of another kind reads the reminders of this id' }
    : { partyId: 'a court of this id reads the reminders of this id' };
}

/** The kinds of deadline owner whose reminders are a party's own: a court's its court's, a bureau's its own. */
const OWNER_KINDS_OF: Record<FeedSubscriberKind, readonly DeadlineOwnerKind[]> = {
  COURT: ['COURT'],
  BUREAU: ['CITY_BUREAU'],
  ENFORCEMENT_BUREAU: ['ENFORCEMENT_BUREAU'],
  HOTLINE_SYSTEM: [],
};

/**
 * A registration whose reminder topic is that of a deadline owner of another kind: every reminder is also on its
 * owner's topic `deadline.reminders.v1.<partyIdOfOrganisation(owner)>`, owners that are never feed parties among them
 * (property companies, street offices), so a bureau registered under a company's id in lower case read that company's
 * reminders (a feeds audit of 2026-12-06). `owners` are the deadline owners the hub holds.
 */
export function reminderOwnerConflict(
  party: FeedParty,
  owners: readonly { ownerKind: string; ownerOrganisationId: string }[],
): Record<string, string> {
  const other = owners.find((o) => readsRemindersOfAnother(party, o));
  if (!other) return {};
  const field = party.kind === 'COURT' ? 'courtId' : 'partyId';
  return { [field]: `the reminders of this id are a ${other.ownerKind.toLowerCase().replace(/_/g, ' ')}'s` };
}

/** Whether the party's reminder topic is the owner's (its id in lower case) while the owner is of another kind. */
const readsRemindersOfAnother = (party: FeedParty, owner: { ownerKind: string; ownerOrganisationId: string }) =>
  party.kind !== 'HOTLINE_SYSTEM' &&
  topicIdOf(party) === partyIdOfOrganisation(owner.ownerOrganisationId) &&
  !(OWNER_KINDS_OF[party.kind] as readonly string[]).includes(owner.ownerKind);

/**
 * Whether a party other than the owner may read the owner's reminder topic (`deadline.reminders.v1.<owner id in lower
 * case>`), so the reminder run leaves out the owner's topic copy (its webhooks still get it):
 * - an active party of another kind is registered under that id (before the owner had any deadline, so it passed
 *   reminderOwnerConflict; a helper-154 review of 2026-12-06);
 * - the owner's organisation id is not its party id in lower case (it holds other characters, made hyphens, or is
 *   longer than 63): two organisations then share one topic (`Bureau-西城` and `Bureau-海淀` are both `bureau--`), and
 *   the party registered under it read the other's reminders (a feeds audit of 2026-12-07).
 */
export function reminderTopicHeldByOther(
  parties: readonly FeedParty[],
  owner: { ownerKind: string; ownerOrganisationId: string },
): boolean {
  return (
    partyIdOfOrganisation(owner.ownerOrganisationId) !== owner.ownerOrganisationId.toLowerCase() ||
    parties.some((p) => readsRemindersOfAnother(p, owner))
  );
}

/** The party's principal on the broker: `User:party-<party id>`. */
export const feedUsername = (partyId: string) => `party-${partyId}`;

export interface FeedPermission {
  resource: 'TOPIC' | 'GROUP';
  /** A logical topic name (without a deployment's prefix), or a consumer group name. */
  name: string;
  prefixed: boolean;
  operation: 'READ' | 'WRITE' | 'DESCRIBE';
}

const read = (name: string, prefixed: boolean): FeedPermission[] => [
  { resource: 'TOPIC', name, prefixed, operation: 'READ' },
  { resource: 'TOPIC', name, prefixed, operation: 'DESCRIBE' },
];
const write = (name: string): FeedPermission[] => [
  { resource: 'TOPIC', name, prefixed: false, operation: 'WRITE' },
  { resource: 'TOPIC', name, prefixed: false, operation: 'DESCRIBE' },
];

/** The id a party's own topics carry: a court's court id (reminders are addressed to it), else its party id. */
const topicIdOf = (party: FeedParty) => (party.kind === 'COURT' ? party.courtId! : party.partyId);

/** The per-party family a party writes: a court its case events, a hotline system its orders, a bureau its reviews. */
const inboundFamilyOf = (party: FeedParty) =>
  party.kind === 'COURT'
    ? COURT_CASE_EVENTS_TOPIC
    : party.kind === 'HOTLINE_SYSTEM'
      ? HOTLINE_ORDERS_TOPIC
      : CITY_FILING_REVIEWS_TOPIC;

/** The party's own inbound topic, which only its principal may write. */
const inboundTopicOf = (party: FeedParty): string => partyTopicName(inboundFamilyOf(party), topicIdOf(party));

/**
 * The party's own reminder topic: the reminders are addressed by the owner organisation's party id
 * (catalog's partyIdOfOrganisation), which for a court is its court id. A hotline system owns no deadline and reads
 * nothing, so it has none.
 */
export function reminderTopicOf(party: FeedParty): string | null {
  if (party.kind === 'HOTLINE_SYSTEM') return null;
  return partyTopicName(DEADLINE_REMINDERS_TOPIC, topicIdOf(party));
}

/**
 * The party's own reply topic, where the hub tells it which of the messages it sent were refused: the reply family of
 * the family it writes (catalog `perParty.refusals`); none for a hotline system, which reads nothing.
 */
export function refusalTopicOf(party: FeedParty): string | null {
  const replies = inboundFamilyOf(party).perParty?.refusals;
  return replies ? partyTopicName(replies, topicIdOf(party)) : null;
}

/** Everything the party's principal may do; the broker refuses the rest. */
export function feedPermissions(party: FeedParty): FeedPermission[] {
  // A hotline system writes its own topic and reads nothing, so it has no consumer group either.
  if (party.kind === 'HOTLINE_SYSTEM') return write(inboundTopicOf(party));
  const reads = [
    ...(party.kind === 'COURT'
      ? read(partyTopicName(REFERRALS_TOPIC, party.courtId!), false)
      : party.jurisdictions.flatMap((j) => [
          ...read(partyTopicName(FILINGS_TOPIC, j), true),
          ...read(partyTopicName(STREET_WORK_TOPIC, j), true),
        ])),
    ...read(reminderTopicOf(party)!, false),
    ...read(refusalTopicOf(party)!, false),
  ];
  // Its own consumer groups only: `<party id>.<anything>`.
  return [
    ...reads,
    ...write(inboundTopicOf(party)),
    { resource: 'GROUP', name: `${party.partyId}.`, prefixed: true, operation: 'READ' },
  ];
}

/** The party's own topics, created when it is registered so it can subscribe and send at once. */
export function feedTopics(party: FeedParty): string[] {
  if (party.kind === 'HOTLINE_SYSTEM') return [inboundTopicOf(party)];
  const feeds =
    party.kind === 'COURT'
      ? [partyTopicName(REFERRALS_TOPIC, party.courtId!)]
      : party.jurisdictions
          .filter((j) => j.length === 6)
          .flatMap((j) => [partyTopicName(FILINGS_TOPIC, j), partyTopicName(STREET_WORK_TOPIC, j)]);
  return [...feeds, inboundTopicOf(party), refusalTopicOf(party)!, reminderTopicOf(party)!];
}
