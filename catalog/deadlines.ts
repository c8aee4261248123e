import { Type } from '@sinclair/typebox';
import { Closed, EventData, EventDefinition, IsoDate, Nullable, OneOf, TopicDefinition } from './types';

/**
 * Deadlines announced before they pass. Each subgraph computes the deadlines its own rules set (the contracts
 * subgraph the filing deadline of a contract, …) and publishes each one, and each change of it, on its own
 * `<subgraph>.deadlines.v1` topic; the feeds subgraph keeps the one register of them (`upcomingDeadlines`) and sends
 * the reminders, once per deadline and lead, on `deadline.reminders.v1` and through the owner's webhooks.
 */

/**
 * What a deadline is for; the subgraph whose rule sets it is its producer. WEBHOOK_RETRY_WINDOW is the feeds
 * subgraph's own (a failing webhook subscription's time before it is paused): the register keeps it directly, no
 * topic carries it.
 */
export const DEADLINE_KINDS = [
  'CONTRACT_FILING',
  'COMMITTEE_FILING',
  'COMMITTEE_RECORDING',
  'SMALL_CLAIMS_DECISION',
  'MEDIATION_WINDOW',
  'ARREARS_LIMITATION',
  'WEBHOOK_RETRY_WINDOW',
  'ENFORCEMENT_APPLICATION',
] as const;
export type DeadlineKind = (typeof DEADLINE_KINDS)[number];

/** Who must act by the deadline (the role its organisation acts in). */
export const DEADLINE_OWNER_KINDS = [
  'PROPERTY_COMPANY',
  'STREET_OFFICE',
  'COURT',
  'CITY_BUREAU',
  'ENFORCEMENT_BUREAU',
] as const;
export type DeadlineOwnerKind = (typeof DEADLINE_OWNER_KINDS)[number];

export const DEADLINE_STATES = ['UPCOMING', 'DUE_SOON', 'OVERDUE', 'MET'] as const;
export type DeadlineState = (typeof DEADLINE_STATES)[number];

const Deadline = Closed({
  deadlineKey: Type.String({
    pattern: '^[a-z-]+:[0-9a-f-]{36}$',
    description:
      'Stable id of the deadline: its kind and the aggregate it concerns, e.g. contract-filing:<contract id>.',
  }),
  kind: OneOf(DEADLINE_KINDS),
  subjectId: Type.String({ format: 'uuid', description: 'The aggregate the deadline concerns (e.g. the contract).' }),
  ownerKind: OneOf(DEADLINE_OWNER_KINDS),
  ownerOrganisationId: Type.String({ minLength: 1, description: 'The organisation that must act.' }),
  districtCode: Nullable(
    Type.String({ pattern: '^[0-9]{6}$', description: 'The district concerned: its bureau sees the deadline.' }),
  ),
  legalBasis: Type.String({ minLength: 1, description: 'The article that sets the deadline.' }),
  dueOn: Nullable(IsoDate),
  metOn: Nullable(IsoDate),
  cancelled: Type.Boolean({ description: 'The deadline no longer applies (e.g. the draft contract was discarded).' }),
  sequence: Type.Integer({
    minimum: 1,
    description: 'Counts the changes of this deadline: a subscriber ignores one whose sequence is not above its own.',
  }),
});

export const CONTRACT_DEADLINES_TOPIC: TopicDefinition = {
  name: 'contracts.deadlines.v1',
  producer: 'contracts',
  description:
    'The deadlines the contracts subgraph’s rules set (a contract’s filing deadline), each message the deadline as it now stands: set, moved, met or cancelled.',
  key: 'deadline key',
};

export const CONTRACT_DEADLINE_CHANGED = {
  type: 'hub.contracts.deadline.changed',
  topic: CONTRACT_DEADLINES_TOPIC,
  summary: 'A deadline set by a contracts rule was set, moved, met or cancelled.',
  schema: Deadline,
} satisfies EventDefinition;

export type DeadlineChangedData = EventData<typeof CONTRACT_DEADLINE_CHANGED>;

export const AREA_DEADLINES_TOPIC: TopicDefinition = {
  name: 'areas.deadlines.v1',
  producer: 'areas',
  description:
    'The deadlines the areas subgraph’s rules set (a property-management committee’s filing within 30 days of its formation, the street office’s recording within 5 working days of the filing), each message the deadline as it now stands.',
  key: 'deadline key',
};

export const AREA_DEADLINE_CHANGED = {
  type: 'hub.areas.deadline.changed',
  topic: AREA_DEADLINES_TOPIC,
  summary: 'A deadline set by an areas rule was set or met.',
  schema: Deadline,
} satisfies EventDefinition;

export const LITIGATION_DEADLINES_TOPIC: TopicDefinition = {
  name: 'litigation.deadlines.v1',
  producer: 'litigation',
  description:
    'The deadlines the litigation subgraph’s rules set: for a court, a docketed small claim’s decision within two months (Civil Procedure Law art. 168, one month more when extended) and a pre-litigation mediation’s 30-day window; for the referring property company, once the case is judged or settled, the two years to apply for enforcement (art. 250); each message the deadline as it now stands.',
  key: 'deadline key',
};

export const LITIGATION_DEADLINE_CHANGED = {
  type: 'hub.litigation.deadline.changed',
  topic: LITIGATION_DEADLINES_TOPIC,
  summary:
    'A deadline set by a litigation rule was set, moved (an extension, a reported performance period), met or cancelled.',
  schema: Deadline,
} satisfies EventDefinition;

export const ARREARS_DEADLINES_TOPIC: TopicDefinition = {
  name: 'arrears.deadlines.v1',
  producer: 'arrears',
  description:
    'The deadlines the arrears subgraph’s rules set for a property company: per account, the last day of the limitation period (Civil Code art. 188) of its open charge whose period ends first, each message the deadline as it now stands.',
  key: 'deadline key',
};

export const ARREARS_DEADLINE_CHANGED = {
  type: 'hub.arrears.deadline.changed',
  topic: ARREARS_DEADLINES_TOPIC,
  summary: 'An account’s limitation deadline was set, moved, met or cancelled.',
  schema: Deadline,
} satisfies EventDefinition;

/** Every producer's deadline event: the register consumes them all. */
export const DEADLINE_CHANGED_EVENTS = [
  CONTRACT_DEADLINE_CHANGED,
  AREA_DEADLINE_CHANGED,
  LITIGATION_DEADLINE_CHANGED,
  ARREARS_DEADLINE_CHANGED,
] as const;

/**
 * The kinds each producer may announce: the topic vouches for the sender (only its subgraph writes it), so a
 * deadline of another kind on it is not believed (the register refuses it).
 */
export const DEADLINE_KINDS_OF_EVENT: Readonly<
  Record<(typeof DEADLINE_CHANGED_EVENTS)[number]['type'], readonly DeadlineKind[]>
> = {
  [CONTRACT_DEADLINE_CHANGED.type]: ['CONTRACT_FILING'],
  [AREA_DEADLINE_CHANGED.type]: ['COMMITTEE_FILING', 'COMMITTEE_RECORDING'],
  [LITIGATION_DEADLINE_CHANGED.type]: ['SMALL_CLAIMS_DECISION', 'MEDIATION_WINDOW', 'ENFORCEMENT_APPLICATION'],
  [ARREARS_DEADLINE_CHANGED.type]: ['ARREARS_LIMITATION'],
};

export const DEADLINE_REMINDERS_TOPIC: TopicDefinition = {
  name: 'deadline.reminders.v1',
  producer: 'feeds',
  description:
    'Reminders of deadlines before (at the leads configured, by default 7 days and 1 day) and after they pass, each sent once per deadline and lead; ' +
    'every reminder is also on the owner’s own topic deadline.reminders.v1.<party id>, and a contract filing’s on that of each bureau registered for the feeds whose jurisdictions cover its district.',
  key: 'deadline key',
  partyFeed: {
    party: 'the owner’s party id (its organisation id in lower case)',
    field: 'partyId',
  },
};

export const DEADLINE_REMINDER_DUE = {
  type: 'hub.deadlines.reminder.due',
  topic: DEADLINE_REMINDERS_TOPIC,
  summary: 'A deadline comes within a reminder lead of its due date, or has passed unmet (lead OVERDUE).',
  schema: Closed({
    deadlineKey: Type.String({ minLength: 1 }),
    kind: OneOf(DEADLINE_KINDS),
    subjectId: Type.String({ format: 'uuid' }),
    ownerKind: OneOf(DEADLINE_OWNER_KINDS),
    ownerOrganisationId: Type.String({ minLength: 1 }),
    partyId: Type.String({ pattern: '^[a-z0-9][a-z0-9-]{1,62}$', description: 'The owner’s party id.' }),
    districtCode: Nullable(Type.String({ pattern: '^[0-9]{6}$' })),
    legalBasis: Type.String({ minLength: 1 }),
    dueOn: IsoDate,
    lead: Type.String({
      pattern: '^(P[0-9]+D|OVERDUE)$',
      description: 'Which reminder: P7D is seven days before the due date, OVERDUE the day after it passed.',
    }),
    remindedOn: IsoDate,
  }),
} satisfies EventDefinition;

export type DeadlineReminderData = EventData<typeof DEADLINE_REMINDER_DUE>;

/**
 * The party id of an organisation on the broker (lower-case letters, digits and hyphens): a company's unified social
 * credit code `91110102MA0000HOOK` is party `91110102ma0000hook`.
 */
export const partyIdOfOrganisation = (organisationId: string): string =>
  organisationId
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, '-')
    .replace(/^-+/, '')
    .slice(0, 63);
