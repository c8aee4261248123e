import {
  COMPLAINT_STATUSES,
  ComplaintStatus,
  GovernanceModel,
  ResponsiblePartyKind,
  SatisfactionLevel,
} from '../../../catalog';
import { ForbiddenError } from '../../../kernel/errors';
import { Identity, coversDivision, isDivisionCode } from '../../../kernel/identity';
import { utcInstant } from '../../../kernel/instant';
import { complaintsError } from './errors';

/** A hotline work order; the caller only masked (the keyed hash that counts repeats never leaves this table). */
export interface ComplaintOrder {
  id: string;
  orderNumber: string;
  senderId: string;
  receivedAt: Date;
  callerNameMasked: string | null;
  callerPhoneMasked: string | null;
  addressText: string;
  streetCode: string;
  compoundId: string | null;
  categoryCode: string;
  itemCode: string;
  /**
   * The division whose taxonomy the category is of (taxonomy.ts governingCategories, on the day received): the order
   * is dispatched and counted under it. '' for the taxonomy of every division, and orders received before.
   */
  taxonomyDivision: string;
  text: string;
  respondBy: Date;
  resolveBy: Date;
  status: ComplaintStatus;
  responsiblePartyKind: ResponsiblePartyKind | null;
  partyOrganisationId: string | null;
  /**
   * The property company the order was last dispatched to (dispatchedCompany): kept when the street office escalates
   * the order (吹哨), so it stays on the company's record and the company still reads it; replaced by a re-dispatch.
   */
  companyOrganisationId: string | null;
  /** The first acceptance (ACCEPT) by whichever party held the order. */
  respondedAt: Date | null;
  /**
   * When the company the order stays with (companyOrganisationId) accepted it itself; null while it has not. The
   * company's record counts its response by this: counted by respondedAt, a bureau's acceptance after an escalation
   * away from a company that never answered was the company's response in time (a helper's audit, 2026-12-06).
   * Cleared when the order is dispatched to another company.
   */
  companyRespondedAt: Date | null;
  /**
   * When the order reached the company it stays with (companyOrganisationId): its dispatch there, kept through a
   * re-dispatch to the same company; or its return to the company after it had left unanswered (companyHold).
   */
  companyDispatchedAt: Date | null;
  /**
   * When the order left that company before the company accepted it (the street office escalated it away, 吹哨); null
   * while the company holds it, or once it accepted. The company's response rate counts an order only where the
   * company held it at its respondBy (complaint-measures.sql.ts): before, an order dispatched after its deadline, or
   * escalated away before it, was the company's late response (a complaints audit, 2026-12-07).
   */
  companyReleasedAt: Date | null;
  resolvedAt: Date | null;
  closedAt: Date | null;
  resolvedByCaller: boolean | null;
  satisfaction: SatisfactionLevel | null;
  sequence: number;
  demo: boolean;
}

export interface NewOrder extends Omit<
  ComplaintOrder,
  | 'id'
  | 'sequence'
  | 'respondedAt'
  | 'companyRespondedAt'
  | 'companyDispatchedAt'
  | 'companyReleasedAt'
  | 'resolvedAt'
  | 'closedAt'
  | 'resolvedByCaller'
  | 'satisfaction'
  | 'responsiblePartyKind'
  | 'partyOrganisationId'
  | 'companyOrganisationId'
> {
  callerKey: string | null;
}

/** What an order holds before any party is given it: nothing dispatched, answered or closed. */
const NOT_YET_HANDLED = {
  responsiblePartyKind: null,
  partyOrganisationId: null,
  companyOrganisationId: null,
  respondedAt: null,
  companyRespondedAt: null,
  companyDispatchedAt: null,
  companyReleasedAt: null,
  resolvedAt: null,
  closedAt: null,
  resolvedByCaller: null,
  satisfaction: null,
} as const satisfies Partial<ComplaintOrder>;

/** A new order as it stands once received (sequence 1, nothing dispatched, answered or closed). */
export const newOrderState = (o: NewOrder & { id: string }): ComplaintOrder => ({
  id: o.id,
  orderNumber: o.orderNumber,
  senderId: o.senderId,
  receivedAt: o.receivedAt,
  callerNameMasked: o.callerNameMasked,
  callerPhoneMasked: o.callerPhoneMasked,
  addressText: o.addressText,
  streetCode: o.streetCode,
  compoundId: o.compoundId,
  categoryCode: o.categoryCode,
  itemCode: o.itemCode,
  taxonomyDivision: o.taxonomyDivision,
  text: o.text,
  respondBy: o.respondBy,
  resolveBy: o.resolveBy,
  status: o.status,
  ...NOT_YET_HANDLED,
  sequence: 1,
  demo: o.demo,
});

/** One immutable step of an order: who, when, what. */
export interface OrderTransition {
  orderId: string;
  sequence: number;
  step: string;
  fromStatus: ComplaintStatus | null;
  toStatus: ComplaintStatus;
  actorSubject: string;
  actorRole: string;
  actorOrganisation: string;
  at: Date;
  note: string | null;
  evidenceSha256: string[];
  partyKind: ResponsiblePartyKind | null;
  partyOrganisationId: string | null;
}

/** What the hub keeps of a caller: masked forms only (张**, 138****5678); the full values are never stored. */
/** A work order's three instants, as its sender wrote them. */
export interface OrderTimes {
  receivedAt: string;
  respondBy: string;
  resolveBy: string;
}

/** How far a sender's clock may run ahead of the hub's before an order "received" later than now is refused. */
export const RECEIVED_CLOCK_SKEW_MS = 5 * 60_000;

/**
 * The order's instants in UTC, or what is wrong with each that the hub cannot keep (kernel/instant.ts: a real date
 * and time, a UTC year within 1000–9999), an order received after `now` (beyond RECEIVED_CLOCK_SKEW_MS), either
 * deadline set before the order was received, and a resolution due before the response.
 */
export function orderTimes(
  times: OrderTimes,
  now: Date,
):
  | { times: OrderTimes; problems?: undefined }
  | { times?: undefined; problems: Partial<Record<keyof OrderTimes, string>> } {
  const problems: Partial<Record<keyof OrderTimes, string>> = {};
  const utc = {} as OrderTimes;
  for (const field of ['receivedAt', 'respondBy', 'resolveBy'] as const) {
    const value = utcInstant(times[field]);
    if (value === undefined) problems[field] = 'a real ISO 8601 instant with its offset, in the years 1000–9999';
    else utc[field] = value;
  }
  if (utc.receivedAt && Date.parse(utc.receivedAt) > now.getTime() + RECEIVED_CLOCK_SKEW_MS)
    problems.receivedAt = 'not later than now: an order is received before it is sent';
  for (const deadline of ['respondBy', 'resolveBy'] as const)
    if (utc.receivedAt && utc[deadline] && utc[deadline] < utc.receivedAt)
      problems[deadline] = 'not before the order was received';
  // An order is answered before it is resolved: a resolution due before the response made every on-time resolution
  // a late response's, and the statistics counted it resolved in time though answered late.
  if (!problems.resolveBy && utc.respondBy && utc.resolveBy && utc.resolveBy < utc.respondBy)
    problems.resolveBy = 'not before respondBy: an order is answered before it is resolved';
  return Object.keys(problems).length > 0 ? { problems } : { times: utc };
}

export interface MaskedCaller {
  name: string | null;
  phone: string | null;
}

export function maskCaller(name: string | null | undefined, phone: string | null | undefined): MaskedCaller {
  const chars = [...(name ?? '').trim()];
  const digits = (phone ?? '').replace(/[^0-9]/g, '');
  return {
    name: chars.length === 0 ? null : chars[0] + '*'.repeat(Math.max(chars.length - 1, 1)),
    phone:
      digits.length === 0
        ? null
        : digits.length >= 7
          ? `${digits.slice(0, 3)}****${digits.slice(-4)}`
          : '*'.repeat(digits.length),
  };
}

/** The caller's number reduced to digits, the input of the keyed hash that counts repeat calls. */
export const callerDigits = (phone: string | null | undefined): string => (phone ?? '').replace(/[^0-9]/g, '');

const NOISE = /[\s,，。.、()（）\-—_]/g;
/**
 * Beijing and its sixteen districts as a name may begin with them (北京市西城区…), dropped from a Beijing street's
 * addresses and compound names only. Only these are dropped: any one to four characters before 区 took whole compound
 * names (三里河一区, 阳光小区 were left empty and never matched; 幸福小区二期 was left as 二期 and matched any address
 * with 二期 in it, sending the order to the wrong company). Elsewhere nothing is: 临江市's 北京花园 was cut to 花园 and
 * took every address with 花园 in it (helper-203's audit); the hub holds no other city's names to drop.
 */
const BEIJING_PREFIX =
  /^(北京市|北京)?(东城区|西城区|朝阳区|丰台区|石景山区|海淀区|门头沟区|房山区|通州区|顺义区|昌平区|大兴区|怀柔区|平谷区|密云区|延庆区)?/;

/**
 * Address text or a compound's name of a street reduced for matching: full-width characters as their ASCII forms
 * (１３号院 as 13号院, NFKC), no spaces or punctuation, in Beijing the city and district dropped.
 */
export function normaliseAddress(text: string, streetCode: string): string {
  const plain = text.normalize('NFKC').replace(NOISE, '');
  return streetCode.startsWith('11') ? plain.replace(BEIJING_PREFIX, '') : plain;
}

/** What may stand before a house number and be part of it: its digits, and 甲乙丙丁 (甲3号 is not 3号). */
const NUMBER_BEFORE = /[0-9甲乙丙丁]$/;
const DIGIT_AFTER = /^[0-9]/;

/**
 * Whether `name` stands in `address` as a whole: not as the tail of a longer house number (3号院 in 13号院 or 甲3号院)
 * nor, a name ending in a digit, as the head of one (…2 in …23). Before, 3号院 matched 13号院 and 103号院, and the
 * order went to that compound's company, which then read a call that was not about it (a helper's audit). Whether
 * 北街20号院 is 西便门北街20号院 no rule of characters can tell: the street office matches such orders.
 */
function standsIn(address: string, name: string): boolean {
  const numberFirst = /^[0-9]/.test(name);
  const numberLast = /[0-9]$/.test(name);
  for (let at = address.indexOf(name); at >= 0; at = address.indexOf(name, at + 1)) {
    if (numberFirst && NUMBER_BEFORE.test(address.slice(0, at))) continue;
    if (numberLast && DIGIT_AFTER.test(address.slice(at + name.length))) continue;
    return true;
  }
  return false;
}

/**
 * The compound an address names: the compounds of the order's street whose (normalised) name the address contains as
 * a whole (standsIn); the longest name wins, a tie between two compounds matches none (the street office decides).
 */
export function matchCompound<C extends { compoundId: string; name: string; streetCode: string }>(
  addressText: string,
  compounds: readonly C[],
): C | undefined {
  return compoundMatcher(compounds)(addressText);
}

/** matchCompound over a fixed list, the names normalised once (a backfill matches many orders of one street). */
export function compoundMatcher<C extends { compoundId: string; name: string; streetCode: string }>(
  compounds: readonly C[],
): (addressText: string) => C | undefined {
  const names = compounds
    .map((c) => ({ c, name: normaliseAddress(c.name, c.streetCode) }))
    .filter((h) => h.name.length > 0)
    .sort((a, b) => b.name.length - a.name.length);
  return (addressText) => {
    // The address as each compound's street reduces it (one street in practice).
    const reduced = new Map<string, string>();
    const stands = (h: (typeof names)[number]) => {
      let address = reduced.get(h.c.streetCode);
      if (address === undefined) reduced.set(h.c.streetCode, (address = normaliseAddress(addressText, h.c.streetCode)));
      return standsIn(address, h.name);
    };
    const first = names.findIndex(stands);
    if (first < 0) return undefined;
    const tie = names.slice(first + 1).find((h) => h.name.length === names[first].name.length && stands(h));
    return tie ? undefined : names[first].c;
  };
}

/** The statuses an order takes no step from (closed, or re-routed to another street's copy); every other is open. */
export const ENDED_STATUSES: readonly ComplaintStatus[] = ['CLOSED', 'REROUTED'];
const OPEN_STATUSES = COMPLAINT_STATUSES.filter((s) => !ENDED_STATUSES.includes(s));

/** The steps of a work order and the statuses each may follow (every step is an immutable transition). */
export const ORDER_STEPS = {
  MATCH: { from: ['AWAITING_MATCH', 'MATCHED'], to: 'MATCHED' },
  DISPATCH: { from: ['MATCHED', 'DISPATCHED'], to: 'DISPATCHED' },
  // From ESCALATED too: the street office re-escalates an order it sent to the wrong bureau (or one that cannot act).
  // From AWAITING_MATCH: an address in no registered compound (a bungalow lane, an unmanaged building) is never
  // matched, and before, such an order could take no step at all and counted as unanswered for good.
  ESCALATE: { from: ['AWAITING_MATCH', 'MATCHED', 'DISPATCHED', 'ESCALATED', 'ACCEPTED', 'VISITED'], to: 'ESCALATED' },
  ACCEPT: { from: ['DISPATCHED', 'ESCALATED'], to: 'ACCEPTED' },
  VISIT: { from: ['ACCEPTED'], to: 'VISITED' },
  RESOLVE: { from: ['ACCEPTED', 'VISITED'], to: 'RESOLVED' },
  CLOSE: { from: ['RESOLVED'], to: 'CLOSED' },
  // Taken by the hotline system, never by a user: its order sent again under the same number for another street
  // (receiveOrder). A closed order stays closed; a re-routed one is no longer this street's.
  REROUTE: { from: OPEN_STATUSES, to: 'REROUTED' },
} as const satisfies Record<string, { from: readonly ComplaintStatus[]; to: ComplaintStatus }>;
export type OrderStep = keyof typeof ORDER_STEPS;

/**
 * A re-routed copy the hotline sends back to its street under the number (the step REROUTE_BACK, taken by the hotline
 * system), as the message sending it back says (`message`, as admitOrder would admit it as a new order): the order
 * starts over there, to be dispatched again, nothing of its earlier dispatch or answers standing (its transitions keep
 * them; the copy it went to is re-routed in turn). It takes the message's time received, deadlines, caller, address,
 * text and item, as a copy new to the street would: before, it kept the first message's, so it came back already past
 * its first respondBy, counted late for the street and left out of its company's response rate, and an address the
 * hotline had corrected (地址更正) was never matched (a helper's audit). The compound is the message's
 * address's match (none: it waits in the street office's queue), except that an address unchanged keeps the compound
 * the copy held (the street office may have matched it by hand). Before, the message was taken for a duplicate and
 * dropped: the order stayed re-routed away from the street it was back in (a helper's review).
 */
export function sentBack(copy: ComplaintOrder, message: NewOrder): ComplaintOrder {
  if (copy.status !== 'REROUTED')
    throw complaintsError('INVALID_ORDER_TRANSITION', 'Only a re-routed order is sent back', { status: copy.status });
  const compoundId = message.addressText === copy.addressText && copy.compoundId ? copy.compoundId : message.compoundId;
  return {
    ...copy,
    receivedAt: message.receivedAt,
    callerNameMasked: message.callerNameMasked,
    callerPhoneMasked: message.callerPhoneMasked,
    addressText: message.addressText,
    compoundId,
    categoryCode: message.categoryCode,
    itemCode: message.itemCode,
    taxonomyDivision: message.taxonomyDivision,
    text: message.text,
    respondBy: message.respondBy,
    resolveBy: message.resolveBy,
    status: compoundId ? 'MATCHED' : 'AWAITING_MATCH',
    ...NOT_YET_HANDLED,
    sequence: copy.sequence + 1,
  };
}

export function nextStatus(current: ComplaintStatus, step: OrderStep): ComplaintStatus {
  const rule = ORDER_STEPS[step];
  if (!(rule.from as readonly ComplaintStatus[]).includes(current)) {
    const status = current.toLowerCase().replace(/_/g, ' ');
    throw complaintsError(
      'INVALID_ORDER_TRANSITION',
      `${/^[aeiou]/.test(status) ? 'An' : 'A'} ${status} order cannot take the step ${step}`,
      {
        from: current,
        to: rule.to,
      },
    );
  }
  return rule.to;
}

/** The fields of an order access depends on. */
export interface OrderScope {
  streetCode: string;
  partyOrganisationId: string | null;
  companyOrganisationId: string | null;
}

/**
 * The company an order dispatched to a party of `kind` stays with (ComplaintOrder.companyOrganisationId): the party
 * itself when it is a property company, none otherwise (a re-dispatch to the street's service centre corrects the
 * party; it is no company's order then).
 */
export const dispatchedCompany = (kind: ResponsiblePartyKind, partyOrganisationId: string): string | null =>
  kind === 'PROPERTY_COMPANY' ? partyOrganisationId : null;

/**
 * When the company an order stays with got it and lost it, once a step has taken the order from `before` to `after`
 * at `at` (every step: takeStep). Another company (or none) takes the order: it reaches that one now. The party is
 * the company: it holds the order, from now if it had left unanswered. The party is another (escalated away) and the
 * company has not accepted: it left now, unless it had left already (a re-escalation to another bureau). An order the
 * company accepted stays its response wherever it goes.
 */
export function companyHold(
  before: Pick<ComplaintOrder, 'companyOrganisationId' | 'companyDispatchedAt' | 'companyReleasedAt'>,
  after: Pick<ComplaintOrder, 'companyOrganisationId' | 'partyOrganisationId' | 'companyRespondedAt'>,
  at: Date,
): Pick<ComplaintOrder, 'companyDispatchedAt' | 'companyReleasedAt'> {
  const company = after.companyOrganisationId;
  if (company === null) return { companyDispatchedAt: null, companyReleasedAt: null };
  if (company !== before.companyOrganisationId) return { companyDispatchedAt: at, companyReleasedAt: null };
  const held = { companyDispatchedAt: before.companyDispatchedAt, companyReleasedAt: before.companyReleasedAt };
  if (after.partyOrganisationId === company)
    return held.companyReleasedAt ? { companyDispatchedAt: at, companyReleasedAt: null } : held;
  return after.companyRespondedAt || held.companyReleasedAt ? held : { ...held, companyReleasedAt: at };
}

/**
 * Who reads an order: the street office of its street (and ADMIN), a city bureau of its jurisdiction, the party it
 * was dispatched or escalated to (an enforcement bureau reads the orders escalated to it), and the company it was
 * dispatched to after the street office escalated it away (before, the company lost sight of it and of its own record
 * of it). Everyone else gets NOT_FOUND from the caller.
 */
export function mayReadOrder(identity: Identity, order: OrderScope): boolean {
  switch (identity.role) {
    case 'ADMIN':
    case 'STREET_OFFICE':
    case 'CITY_BUREAU':
      return coversDivision(identity, order.streetCode) || order.partyOrganisationId === identity.organisationId;
    case 'PROPERTY_COMPANY':
    case 'OWNERS_COMMITTEE':
    case 'ENFORCEMENT_BUREAU':
      return (
        (order.partyOrganisationId !== null && order.partyOrganisationId === identity.organisationId) ||
        (order.companyOrganisationId !== null && order.companyOrganisationId === identity.organisationId)
      );
    default:
      return false;
  }
}

/** Only the street office (or ADMIN) matches, dispatches, escalates and closes orders; which ones: mayManageOrder. */
export function assertStreetOfficeRole(identity: Identity): void {
  if (identity.role !== 'STREET_OFFICE' && identity.role !== 'ADMIN')
    throw new ForbiddenError('Only the street office matches, dispatches and closes hotline orders');
}

/** The street office manages the orders of its street. */
export const mayManageOrder = (identity: Identity, order: OrderScope): boolean =>
  (identity.role === 'STREET_OFFICE' || identity.role === 'ADMIN') && coversDivision(identity, order.streetCode);

/**
 * Why the street office may not send an order to `party`, an organisation it names itself (the hub holds no register
 * of them): the bureau it escalates to (吹哨), or the property-rights units, residents' council or bureau the
 * taxonomy's item names for the compound, on the first dispatch as on any. Not to the street office itself (it then
 * answered the order as its own "bureau" and counted the response in its street's rate, past the taxonomy's party),
 * nor to the company the order is about: the one it was dispatched to, or one serving its compound on the day the
 * order was received (companiesServingOrder; it then answered a call about its own service as its supervisor, and the
 * order stayed off its record). Before, only the escalation refused these, and a first dispatch to a BUREAU took either
 * (helper-270's audit). Undefined when it may.
 */
export function namedPartyProblem(
  identity: Identity,
  order: Pick<OrderScope, 'companyOrganisationId'>,
  kind: ResponsiblePartyKind,
  party: string,
  companiesServingCompound: readonly string[],
): string | undefined {
  const noun = kind.toLowerCase().replace(/_/g, ' ');
  if (party === identity.organisationId) return `a ${noun} other than the street office itself`;
  if (party === order.companyOrganisationId || companiesServingCompound.includes(party))
    return `a ${noun}, not the company the order is about`;
  return undefined;
}

/**
 * Why a street office may not escalate an order to `bureau`, or undefined: not to a party namedPartyProblem refuses,
 * nor to the bureau that already holds it (a step that changed nothing). Beyond these it takes the id the street
 * office names (a complaints audit).
 */
export function escalationTargetProblem(
  identity: Identity,
  order: OrderScope & { responsiblePartyKind: ResponsiblePartyKind | null },
  bureau: string,
  companiesServingCompound: readonly string[],
): string | undefined {
  const problem = namedPartyProblem(identity, order, 'BUREAU', bureau, companiesServingCompound);
  if (problem) return problem;
  if (order.responsiblePartyKind === 'BUREAU' && bureau === order.partyOrganisationId)
    return 'another bureau than the one the order is already escalated to';
  return undefined;
}

/** The party an order was dispatched or escalated to answers it; nobody else. */
export function isAnsweringParty(identity: Identity, order: OrderScope): boolean {
  return (
    order.partyOrganisationId !== null &&
    identity.organisationId === order.partyOrganisationId &&
    identity.role !== 'PUBLIC' &&
    identity.role !== 'SYSTEM'
  );
}

/** The roles that read an order only as the party it was dispatched or escalated to (see mayReadOrder). */
const PARTY_READERS: ReadonlySet<string> = new Set(['PROPERTY_COMPANY', 'OWNERS_COMMITTEE', 'ENFORCEMENT_BUREAU']);

/**
 * A step as the caller sees it: a party reads the note and evidence of its own steps and of those naming it (the
 * dispatch or escalation to it); of the others (the party it was dispatched to before, the street office's
 * escalation reason to another bureau) only what happened, when and by whom. The street office and bureaus of the
 * order's street, and the admin, see everything; a street office or bureau reading it only as the party it was
 * escalated to is a party like the others (before, a bureau of another district the order was escalated to by
 * mistake read the company's notes and evidence, and the office's reasons for escalating it elsewhere). Before that,
 * a company the order was re-dispatched to read the first company's notes.
 */
export function transitionSeenBy<
  T extends {
    actorOrganisation: string;
    partyOrganisationId: string | null;
    note: string | null;
    evidenceSha256: string[];
  },
>(identity: Identity, step: T, streetCode: string): T {
  if (!PARTY_READERS.has(identity.role) && coversDivision(identity, streetCode)) return step;
  const own =
    step.actorOrganisation === identity.organisationId || step.partyOrganisationId === identity.organisationId;
  return own ? step : { ...step, note: null, evidenceSha256: [] };
}

/** Which orders a caller may list and measure, as the repositories' SQL takes it (mayReadOrder says the same per order). */
export interface OrderReach {
  all: boolean;
  /** Street or district codes whose orders are visible (prefix match); empty for none. */
  divisions: string[];
  /**
   * The organisation that sees the orders dispatched or escalated to it, and, a company, those dispatched to it and
   * escalated since (companyOrganisationId).
   */
  partyOrganisationId: string | null;
}

/** Whether the reach's divisions hold the street (as orderReachSql's prefix match; a party's own orders aside). */
export const reachCoversStreet = (reach: OrderReach, streetCode: string): boolean =>
  reach.all || reach.divisions.some((d) => streetCode.startsWith(d));

/** The roles orderReach gives a reach to. */
export const readsOrders = (identity: Identity): boolean =>
  ['ADMIN', 'STREET_OFFICE', 'CITY_BUREAU', 'PROPERTY_COMPANY', 'OWNERS_COMMITTEE', 'ENFORCEMENT_BUREAU'].includes(
    identity.role,
  );

export function orderReach(identity: Identity): OrderReach {
  switch (identity.role) {
    case 'ADMIN':
      return { all: true, divisions: [], partyOrganisationId: null };
    case 'STREET_OFFICE':
    case 'CITY_BUREAU':
      return {
        all: false,
        // division codes only, as the gateway takes them in a token (a pattern of LIKE is never one)
        divisions: identity.jurisdictions.filter(isDivisionCode),
        partyOrganisationId: identity.organisationId,
      };
    case 'PROPERTY_COMPANY':
    case 'OWNERS_COMMITTEE':
    case 'ENFORCEMENT_BUREAU':
      return { all: false, divisions: [], partyOrganisationId: identity.organisationId };
    default:
      throw new ForbiddenError('Hotline orders are for street offices, bureaus and the parties they are dispatched to');
  }
}

export type { GovernanceModel, ResponsiblePartyKind, SatisfactionLevel };
