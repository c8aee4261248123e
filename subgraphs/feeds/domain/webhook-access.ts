import {
  BATCH_FORMED,
  DEADLINE_REMINDER_DUE,
  FILING_EVENTS,
  REFERRAL_PACKAGE_CORRECTED,
  REFERRAL_STATUS_CHANGED,
  REFERRAL_SUBMITTED,
  REFERRAL_WITHDRAWN,
} from '../../../catalog';
import { Identity, coversDivision } from '../../../kernel/identity';
import { BUREAU_DEADLINE_KINDS } from './deadlines';

/**
 * Who receives which events by webhook: the same reach as the GraphQL reads, so a webhook never tells a party more
 * than it could ask for.
 * - A court: the referrals addressed to it (litigation's `referrals` answers a court only those), with their package
 *   corrections, status changes, withdrawals and batches.
 * - A city or district bureau: the filings of the areas whose district its jurisdiction covers (contracts'
 *   `mayReviewFiling`: Beijing Property Management Regulation art. 63 files a contract with the district authority).
 * - An enforcement bureau (Linjiang's 市城市管理行政执法局, which reviews its city's filings, seed 004 §六(七)): the
 *   same filings by the same district/city test, nothing else (no referrals).
 * - Deadline reminders (issue 21): the party that must act (a company, a street office, a court), and the bureaus
 *   whose jurisdiction covers the deadline's district, as `upcomingDeadlines` shows them.
 * No other role subscribes, and no event carrying owner data (arrears accounts, claims, households) is offered at all.
 */
export const WEBHOOK_ROLES = [
  'COURT',
  'CITY_BUREAU',
  'ENFORCEMENT_BUREAU',
  'PROPERTY_COMPANY',
  'STREET_OFFICE',
] as const;
/** The roles that receive filings by their jurisdiction, as they review them (contracts' `mayReviewFiling`). */
export const JURISDICTION_ROLES = ['CITY_BUREAU', 'ENFORCEMENT_BUREAU'] as const;
export const receivesByJurisdiction = (role: string): role is (typeof JURISDICTION_ROLES)[number] =>
  (JURISDICTION_ROLES as readonly string[]).includes(role);
export type WebhookRole = (typeof WEBHOOK_ROLES)[number];

/** The referral events a court's webhooks carry: declared once, for the dispatcher's subscriptions too. */
export const COURT_EVENTS = [
  REFERRAL_SUBMITTED,
  REFERRAL_PACKAGE_CORRECTED,
  REFERRAL_STATUS_CHANGED,
  REFERRAL_WITHDRAWN,
  BATCH_FORMED,
] as const;
export const COURT_EVENT_TYPES: readonly string[] = COURT_EVENTS.map((e) => e.type);
export const BUREAU_EVENT_TYPES: readonly string[] = FILING_EVENTS.map((e) => e.type);
export const REMINDER_EVENT_TYPES: readonly string[] = [DEADLINE_REMINDER_DUE.type];

/** Every event type a webhook may carry, to anyone. */
export const WEBHOOK_EVENT_TYPES: readonly string[] = [
  ...COURT_EVENT_TYPES,
  ...BUREAU_EVENT_TYPES,
  ...REMINDER_EVENT_TYPES,
];

export const isWebhookRole = (role: string): role is WebhookRole => (WEBHOOK_ROLES as readonly string[]).includes(role);

/** The event types a role may subscribe to; none for any other role. */
export function subscribableEventTypes(role: string): readonly string[] {
  if (role === 'COURT') return [...COURT_EVENT_TYPES, ...REMINDER_EVENT_TYPES];
  if (receivesByJurisdiction(role)) return [...BUREAU_EVENT_TYPES, ...REMINDER_EVENT_TYPES];
  if (role === 'PROPERTY_COMPANY' || role === 'STREET_OFFICE') return REMINDER_EVENT_TYPES;
  return [];
}

/** The asked types a role may not subscribe to (empty when all are allowed). */
export const refusedEventTypes = (role: string, eventTypes: readonly string[]): string[] =>
  eventTypes.filter((t) => !subscribableEventTypes(role).includes(t));

/**
 * Whom an event concerns, as far as webhooks go: the court it is addressed to, the district of its area, or a
 * deadline's owner (and the district it concerns, for its bureau).
 */
export type EventAudience =
  | { kind: 'COURT'; courtId: string }
  | { kind: 'DISTRICT'; districtCode: string }
  | { kind: 'DEADLINE_OWNER'; organisationId: string; districtCode: string | null; deadlineKind: string }
  | { kind: 'NOBODY' };

/** The owner of a subscription as the hub verified it when the subscription was made (its token). */
export interface Subscriber {
  role: string;
  organisationId: string;
  jurisdictions: readonly string[];
}

/**
 * The audience of an event from its type and data. A filing names its area only, so the area's district comes from
 * the feeds subgraph's copy of the areas (`districtOfArea`); an area not known yet gives NOBODY and the caller waits.
 */
export function audienceOf(
  type: string,
  data: unknown,
  districtOfArea: (areaId: string) => string | undefined,
): EventAudience {
  const record = (data ?? {}) as Record<string, unknown>;
  if (COURT_EVENT_TYPES.includes(type) && typeof record.courtId === 'string')
    return { kind: 'COURT', courtId: record.courtId };
  if (REMINDER_EVENT_TYPES.includes(type) && typeof record.ownerOrganisationId === 'string')
    return deadlineAudience({
      ownerOrganisationId: record.ownerOrganisationId,
      districtCode: typeof record.districtCode === 'string' ? record.districtCode : null,
      kind: String(record.kind),
    });
  if (BUREAU_EVENT_TYPES.includes(type) && typeof record.areaId === 'string') {
    const districtCode = districtOfArea(record.areaId);
    if (districtCode) return { kind: 'DISTRICT', districtCode };
  }
  return { kind: 'NOBODY' };
}

/** True when the subscriber may receive an event of this audience (mirrors the GraphQL reads, row by row). */
export function mayReceive(subscriber: Subscriber, audience: EventAudience): boolean {
  if (audience.kind === 'COURT') return subscriber.role === 'COURT' && subscriber.organisationId === audience.courtId;
  if (audience.kind === 'DEADLINE_OWNER') {
    if (subscriber.organisationId === audience.organisationId) return true;
    // A bureau: the deadlines it sees in upcomingDeadlines, the contract filings of its districts.
    return (
      audience.districtCode !== null &&
      BUREAU_DEADLINE_KINDS.includes(audience.deadlineKind) &&
      mayReceive(subscriber, { kind: 'DISTRICT', districtCode: audience.districtCode })
    );
  }
  if (audience.kind === 'DISTRICT') {
    if (!receivesByJurisdiction(subscriber.role)) return false;
    const identity: Identity = {
      subject: '',
      role: subscriber.role,
      organisationId: subscriber.organisationId,
      jurisdictions: [...subscriber.jurisdictions],
    };
    return coversDivision(identity, audience.districtCode);
  }
  return false;
}

/** Who may hear of a deadline: its owner, and the bureaus that see it (mayReceive). */
const deadlineAudience = (deadline: DeadlineFacts): EventAudience => ({
  kind: 'DEADLINE_OWNER',
  organisationId: deadline.ownerOrganisationId,
  districtCode: deadline.districtCode,
  deadlineKind: deadline.kind,
});

type DeadlineFacts = { ownerOrganisationId: string; districtCode: string | null; kind: string };

/**
 * The organisations besides its owner that a deadline's reminders go to: those with a reminder subscription that may
 * receive them (a bureau covering a contract filing's district), each once, in order. Each is reminded by its own
 * leads (application/send-deadline-reminders.ts), not the owner's.
 */
export function reminderRecipientsBesidesOwner(deadline: DeadlineFacts, subscribers: readonly Subscriber[]): string[] {
  const audience = deadlineAudience(deadline);
  const others = subscribers.filter(
    (s) => s.organisationId !== deadline.ownerOrganisationId && mayReceive(s, audience),
  );
  return [...new Set(others.map((s) => s.organisationId))].sort();
}

/** A feed party (Kafka) that reads the deadlines of its districts as a bureau's webhooks receive them. */
type ReminderParty = { partyId: string; kind: string; jurisdictions: readonly string[] };
const BUREAU_ROLE_OF_KIND: Record<string, (typeof JURISDICTION_ROLES)[number] | undefined> = {
  BUREAU: 'CITY_BUREAU',
  ENFORCEMENT_BUREAU: 'ENFORCEMENT_BUREAU',
};

/**
 * The feed parties besides its owner whose own reminder topic (`deadline.reminders.v1.<party id>`) a deadline's
 * reminders go to: the bureaus (and enforcement bureaus) registered for the Kafka feeds whose jurisdictions cover a
 * contract filing's district, as a bureau's webhook subscription would receive them (mayReceive); their party ids,
 * each once, in order. Before, a bureau took its districts' reminders by webhook alone: one registered for Kafka and
 * no webhook was told of nothing, though it reads its reminder topic.
 */
export function reminderPartiesBesidesOwner(deadline: DeadlineFacts, parties: readonly ReminderParty[]): string[] {
  const audience = deadlineAudience(deadline);
  const owner = deadline.ownerOrganisationId.toLowerCase();
  const covering = parties.filter((p) => {
    const role = BUREAU_ROLE_OF_KIND[p.kind];
    return (
      role !== undefined &&
      p.partyId !== owner &&
      mayReceive({ organisationId: p.partyId, role, jurisdictions: [...p.jurisdictions] }, audience)
    );
  });
  return [...new Set(covering.map((p) => p.partyId))].sort();
}

/** Whether the identity may make and manage webhook subscriptions at all. */
export const mayUseWebhooks = (identity: Identity): boolean => isWebhookRole(identity.role);

/**
 * The aggregate an event belongs to, the Kafka key its topic declares (filing id, referral id, batch key, deadline key): one
 * aggregate's webhooks go out one at a time, in order.
 */
export function aggregateKeyOf(type: string, data: unknown): string {
  const record = (data ?? {}) as Record<string, unknown>;
  const key = record.filingId ?? record.referralId ?? record.batchKey ?? record.deadlineKey;
  if (typeof key !== 'string' || key.length === 0) throw new Error(`event ${type} carries no aggregate key`);
  return key;
}
