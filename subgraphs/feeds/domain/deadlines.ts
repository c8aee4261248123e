import { DeadlineState } from '../../../catalog';
import { IsoDate, addDays, compareDates, daysBetween, isIsoDate } from '../../../kernel/calendar';
import { InvalidInputError } from '../../../kernel/errors';
import { Identity } from '../../../kernel/identity';

/**
 * The deadline register's rules. The due dates come from the subgraphs whose rules set them (contracts' filing
 * deadline, …): nothing here computes a statutory period, it only says where a deadline stands on a day, who may
 * see it and which reminder is due.
 */

/** A deadline as the register holds it. */
export interface RegisteredDeadline {
  deadlineKey: string;
  kind: string;
  subjectId: string;
  ownerKind: string;
  ownerOrganisationId: string;
  districtCode: string | null;
  legalBasis: string;
  dueOn: IsoDate | null;
  metOn: IsoDate | null;
  cancelled: boolean;
}

/** A deadline is DUE_SOON from this many days before it (the default first reminder) until it passes. */
export const DUE_SOON_DAYS = 7;
/** `upcomingDeadlines(within)`: 1 day to a year ahead. */
export const MIN_WITHIN_DAYS = 1;
export const MAX_WITHIN_DAYS = 366;

export function deadlineState(deadline: Pick<RegisteredDeadline, 'dueOn' | 'metOn'>, asOf: IsoDate): DeadlineState {
  if (deadline.metOn !== null) return 'MET';
  if (deadline.dueOn === null) return 'UPCOMING';
  const left = daysBetween(asOf, deadline.dueOn);
  if (left < 0) return 'OVERDUE';
  return left <= DUE_SOON_DAYS ? 'DUE_SOON' : 'UPCOMING';
}

export function checkWithin(within: number): number {
  if (!Number.isInteger(within) || within < MIN_WITHIN_DAYS || within > MAX_WITHIN_DAYS)
    throw new InvalidInputError(`within is ${MIN_WITHIN_DAYS}–${MAX_WITHIN_DAYS} days`, {
      fields: { within: `a whole number of days, ${MIN_WITHIN_DAYS}–${MAX_WITHIN_DAYS}` },
    });
  return within;
}

/**
 * Whose deadlines a party sees: its own (a company its filings', a street office its committees', a court its
 * decisions', anyone its webhook subscriptions' retry windows), a bureau also the contract filings of the districts its
 * jurisdictions cover (those it reviews), the admin all.
 */
export type DeadlineScope =
  | { kind: 'ALL' }
  | { kind: 'OWNER'; organisationId: string }
  | { kind: 'DISTRICTS'; prefixes: string[]; deadlineKinds: readonly string[]; organisationId: string };

/** The deadlines a bureau sees in its districts: the contract filings it reviews (contracts' `mayReviewFiling`). */
export const BUREAU_DEADLINE_KINDS: readonly string[] = ['CONTRACT_FILING'];

export function deadlineScopeOf(identity: Identity): DeadlineScope | null {
  if (identity.role === 'ADMIN') return { kind: 'ALL' };
  if (identity.role === 'CITY_BUREAU' || identity.role === 'ENFORCEMENT_BUREAU')
    return {
      kind: 'DISTRICTS',
      prefixes: identity.jurisdictions.filter((j) => /^[0-9]{2,12}$/.test(j)),
      deadlineKinds: BUREAU_DEADLINE_KINDS,
      organisationId: identity.organisationId,
    };
  if (identity.role === 'PROPERTY_COMPANY' || identity.role === 'STREET_OFFICE' || identity.role === 'COURT')
    return { kind: 'OWNER', organisationId: identity.organisationId };
  return null;
}

/** The leads at which a party is reminded: days before the due date, and whether once more when it has passed. */
export interface ReminderLeads {
  leadDays: number[];
  overdue: boolean;
}

/** Without a party's own or an admin's setting: a week before, the day before, and the day after it passed. */
export const DEFAULT_REMINDER_LEADS: ReminderLeads = Object.freeze({ leadDays: [7, 1], overdue: true });
export const MAX_LEADS = 5;
export const MAX_LEAD_DAYS = 90;

export function checkReminderLeads(leads: ReminderLeads): ReminderLeads {
  const leadDays = [...new Set(leads.leadDays)].sort((a, b) => b - a);
  if (
    // The list sent, not its distinct days: 500,000 sevens were taken as one lead (an edge audit).
    leads.leadDays.length > MAX_LEADS ||
    leadDays.some((d) => !Number.isInteger(d) || d < 0 || d > MAX_LEAD_DAYS) ||
    (leadDays.length === 0 && !leads.overdue)
  ) {
    throw new InvalidInputError('Reminder leads are up to 5 distinct whole days, 0–90, or overdue alone', {
      fields: { leadDays: `at most ${MAX_LEADS} distinct whole numbers of days, 0–${MAX_LEAD_DAYS}` },
    });
  }
  return { leadDays, overdue: leads.overdue };
}

/** The name of a lead in the reminder and its unique key: `P7D` (ISO 8601 duration) or `OVERDUE`. */
export const leadName = (days: number | 'OVERDUE') => (days === 'OVERDUE' ? 'OVERDUE' : `P${days}D`);

/**
 * The one reminder due for a deadline on `asOf`, or null. Before the due date it is the nearest lead reached (the
 * 1-day reminder once the deadline is a day away; a scheduler that was down for the 7-day one does not send it
 * late beside the 1-day one); after it, OVERDUE. A met, cancelled or undated deadline is reminded of nothing.
 * Whether it went out already is the register's unique (deadline, lead) key, not this function's concern.
 */
export function reminderDue(
  deadline: Pick<RegisteredDeadline, 'dueOn' | 'metOn' | 'cancelled'>,
  leads: ReminderLeads,
  asOf: IsoDate,
): string | null {
  if (deadline.metOn !== null || deadline.cancelled || deadline.dueOn === null) return null;
  if (compareDates(asOf, deadline.dueOn) > 0) return leads.overdue ? leadName('OVERDUE') : null;
  const reached = leads.leadDays.filter((d) => compareDates(asOf, addDays(deadline.dueOn as IsoDate, -d)) >= 0);
  return reached.length > 0 ? leadName(Math.min(...reached)) : null;
}

/**
 * The day an admin may run the reminders for: today (China) or a day before, catching up. A day ahead sent real
 * reminders early, OVERDUE ones for deadlines not yet passed, to every party's topic and webhooks, and took their
 * once-only keys, so the genuine reminders never went out (a feeds audit: a typo of 2027 for 2026). Only a hub run
 * under tests, which move through days with explicit dates, asks for days ahead.
 */
export function assertReminderRunDay(asOf: IsoDate, today: IsoDate, aheadAllowed: boolean): void {
  if (!aheadAllowed && isIsoDate(asOf) && compareDates(asOf, today) > 0)
    throw new InvalidInputError('Reminders are sent for today or a day before', {
      fields: { asOf: `not after today (${today})` },
    });
}
