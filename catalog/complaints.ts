import { Type } from '@sinclair/typebox';
import {
  Closed,
  InboundText,
  DivisionCode,
  EventData,
  EventDefinition,
  IsoDateTime,
  Nullable,
  OneOf,
  TopicDefinition,
  Uuid,
} from './types';
import { COMPLAINT_STATUSES, RESPONSIBLE_PARTY_KINDS, SATISFACTION_LEVELS } from './vocabulary';

const Code = Type.String({ minLength: 1, maxLength: 32, pattern: '^[A-Za-z0-9._-]+$' });

/** Inbound: work orders the city's 12345 hotline system (接诉即办) dispatches to a street. */
export const HOTLINE_ORDERS_TOPIC: TopicDefinition = {
  name: 'city.hotline-orders.v1',
  producer: 'city hotline systems',
  description:
    'Work orders from the 12345 hotline, each dispatched to a street, each hotline system on its own topic city.hotline-orders.v1.<sender id> that only its principal may write. ' +
    'Applied once per order number; an order naming another sender (SENDER_MISMATCH) or from a sender not registered for the street goes to complaints.dead-letter.v1. The caller is masked on entry and never leaves the complaints subgraph.',
  key: 'order number',
  perParty: { party: 'hotline system id', senderField: 'senderOrganisationId' },
};

export const HOTLINE_ORDER_RECEIVED = {
  type: 'gov.city.hotline-order.received',
  topic: HOTLINE_ORDERS_TOPIC,
  summary:
    'The hotline received a call about property management and sends the work order to the street it dispatched it to. The same number sent for another street re-routes the order there (the copy in the street it was sent to before becomes REROUTED; sent back, that copy starts over): the copy sent last is the order.',
  personalFields: ['callerName', 'callerPhone'],
  schema: Closed({
    orderNumber: Type.String({ minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9._-]+$' }),
    senderOrganisationId: InboundText.key({
      minLength: 1,
      description: 'The hotline system, registered with the hub for the street.',
    }),
    receivedAt: IsoDateTime,
    callerName: Nullable(InboundText.name({ maxLength: 100 })),
    callerPhone: Nullable(InboundText.key({ maxLength: 32 })),
    addressText: InboundText.name({ minLength: 1 }),
    // The street's own code: compounds are registered by street, and a community code (12 digits) matched none.
    streetCode: Type.String({
      pattern: '^[0-9]{9}$',
      description:
        'The street (乡镇街道) the hotline dispatched the order to: its 9-digit code (GB/T 2260 + 3 digits).',
    }),
    categoryCode: Code,
    itemCode: Code,
    text: InboundText.note(),
    respondBy: IsoDateTime,
    resolveBy: IsoDateTime,
  }),
} satisfies EventDefinition;

/** Outbound, for bureaus: every order after each step, without the caller or the call's text. */
export const COMPLAINT_ORDERS_TOPIC: TopicDefinition = {
  name: 'complaints.orders.v1',
  producer: 'complaints',
  description:
    'Hotline work orders after each step (matched, dispatched, escalated, answered, closed), for bureaus; no caller data, no text.',
  key: 'order id',
};

export const COMPLAINT_ORDER_CHANGED = {
  type: 'hub.complaints.order.changed',
  topic: COMPLAINT_ORDERS_TOPIC,
  summary:
    'A work order was received or took a step; carries the whole order as it now stands (sequence grows with each step).',
  schema: Closed({
    orderId: Uuid,
    orderNumber: Type.String({ minLength: 1 }),
    sequence: Type.Integer({ minimum: 1 }),
    status: OneOf(COMPLAINT_STATUSES),
    receivedAt: IsoDateTime,
    streetCode: DivisionCode,
    compoundId: Nullable(Uuid),
    categoryCode: Code,
    itemCode: Code,
    /**
     * The division whose taxonomy the category is of (each division keeps its own, so one code may be two cities'
     * categories); '' for the taxonomy of every division. Absent in events published before it was added.
     */
    taxonomyDivision: Type.Optional(Type.String({ pattern: '^([1-9][0-9]{1,11})?$' })),
    responsiblePartyKind: Nullable(OneOf(RESPONSIBLE_PARTY_KINDS)),
    partyOrganisationId: Nullable(Type.String()),
    /**
     * The property company the order was last dispatched to, kept when the street office escalates it (the order
     * stays on the company's record); absent in events published before it was added.
     */
    companyOrganisationId: Type.Optional(Nullable(Type.String())),
    respondBy: IsoDateTime,
    resolveBy: IsoDateTime,
    /** The order's first acceptance, by whichever party held it (a bureau's after an escalation). */
    respondedAt: Nullable(IsoDateTime),
    /**
     * When the company of companyOrganisationId accepted the order itself; null while it has not. Absent in events
     * published before it was added.
     */
    companyRespondedAt: Type.Optional(Nullable(IsoDateTime)),
    resolvedAt: Nullable(IsoDateTime),
    closedAt: Nullable(IsoDateTime),
    satisfaction: Nullable(OneOf(SATISFACTION_LEVELS)),
    demo: Type.Boolean(),
  }),
} satisfies EventDefinition;

export type HotlineOrderData = EventData<typeof HOTLINE_ORDER_RECEIVED>;
export type ComplaintOrderChangedData = EventData<typeof COMPLAINT_ORDER_CHANGED>;
