import { IsoDate, addDays, addYears } from '../../../kernel/calendar';

/**
 * Complaints about the service in a case package (issue 18): the court weighs whether service was delivered (seed 004
 * §六(六) conditions the green channel on normal service). No statute fixes the look-back; 24 months is the issue's.
 */
export const SERVICE_COMPLAINT_LOOKBACK_YEARS = 2;

/** One hotline order as the package shows it: no caller, no address text, no call text. */
export interface ServiceComplaint {
  orderNumber: string;
  receivedAt: string;
  categoryCode: string;
  itemCode: string;
  status: string;
  respondBy: string;
  /** The order's first acceptance, by whichever party held it (a bureau's after an escalation). */
  respondedAt: string | null;
  /** When the plaintiff company accepted the order itself; null when it did not (see SERVICE_COMPLAINTS_BASIS). */
  companyRespondedAt: string | null;
  closedAt: string | null;
  satisfaction: string | null;
}

export interface ServiceComplaints {
  /** The window of the orders' receipt, China dates inclusive: the 24 months up to the referral. */
  from: IsoDate;
  to: IsoDate;
  /** What the list holds, in words, for the court. */
  basis: string;
  orders: ServiceComplaint[];
}

/** The 24 months up to `today`: from the day after the same day two years before, to today. */
export function serviceComplaintWindow(today: IsoDate): { from: IsoDate; to: IsoDate } {
  return { from: addDays(addYears(today, -SERVICE_COMPLAINT_LOOKBACK_YEARS), 1), to: today };
}

export const SERVICE_COMPLAINTS_BASIS =
  "12345 hotline orders (接诉即办) about the compound of the defendant household, dispatched to the plaintiff as the responsible property company (escalated to a bureau since or not), received in the 24 months up to the referral; orders are matched to a compound, not to a household, and carry no caller data. respondedAt is the first acceptance by whichever party held the order (a bureau after an escalation); companyRespondedAt is the plaintiff company's own, null when it did not accept the order (or, for an order escalated away from it before the hub began recording this, when not known).";

/**
 * The company an order of complaints.orders.v1 stays with: the one it was last dispatched to, escalated since or not
 * (the event's companyOrganisationId); an event published before that field was added names only the party now
 * holding the order, a company's when it is one.
 */
export function companyOfOrder(o: {
  responsiblePartyKind: string | null;
  partyOrganisationId: string | null;
  companyOrganisationId?: string | null;
}): string | null {
  if (o.companyOrganisationId !== undefined) return o.companyOrganisationId;
  return o.responsiblePartyKind === 'PROPERTY_COMPANY' ? o.partyOrganisationId : null;
}

/**
 * When the order's company accepted it itself: the event's companyRespondedAt; for an event published before that
 * field was added, the order's acceptance when the company still holds it (an order is accepted by the party holding
 * it, and re-dispatched only before that), else not known (null). Taken as null for any old event, a replay of the
 * feed undid what the migration had filled (a review of 2026-12-06).
 */
export function companyResponseOfOrder(o: {
  responsiblePartyKind: string | null;
  partyOrganisationId: string | null;
  companyOrganisationId?: string | null;
  respondedAt: string | null;
  companyRespondedAt?: string | null;
}): string | null {
  if (o.companyRespondedAt !== undefined) return o.companyRespondedAt;
  const company = companyOfOrder(o);
  return company !== null && o.responsiblePartyKind === 'PROPERTY_COMPANY' && o.partyOrganisationId === company
    ? o.respondedAt
    : null;
}
