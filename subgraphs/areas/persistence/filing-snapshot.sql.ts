import { servesOnSql } from '../../../platform/read-models/filing-snapshot';

/**
 * SQL over areas.filing_snapshot (alias `f`) for the provider of an area, judged by the contract's dates, not by the
 * status recorded (servesOnSql): a contract reaching its end date changes no filing's status, so `status = 'ACCEPTED'`
 * alone kept an area served, and a company reading it, for good; and a status changes when the act is recorded, not
 * when it takes effect, so the same test took the area from a preliminary provider the day the owners' regular
 * contract was accepted, weeks before that one began (Civil Code art. 940), and from a company the day its
 * termination was recorded, whatever the last day it serves (terminatedOn).
 */

/**
 * Over `f`: the version in force of a contract that has not stopped serving on the day bound to its placeholder
 * (China time) and has a day to serve: what a company reads an area under, from the acceptance, so it prepares before
 * the start, to the last day it serves.
 */
export const CONTRACTED_PROVIDER = servesOnSql('areas', { from: 'acceptance' });

/**
 * Over `f`: the version in force of a contract serving on the day bound to its placeholder: the area is served that
 * day. A contract accepted now that starts in March does not serve it yet; a preliminary one the owners' regular
 * contract ends still does until that one starts.
 */
export const SERVING_PROVIDER = servesOnSql('areas', { from: 'start' });

/**
 * An expression over filing_snapshot `f`: the first day a provider served under the filing, its acceptance or its
 * contract's start, the later; null when the contract had ended by then (a late filing of a contract run out serves
 * nothing).
 */
const SERVES_FROM = `(case when f.accepted_on is not null and f.ends_on >= greatest(f.accepted_on, f.starts_on)
  then greatest(f.accepted_on, f.starts_on) end)`;

/**
 * The day a provider began to serve the area of the period row `period` (its `area_id`) under an accepted filing, on
 * or after the period's `starts_on` and by the day bound to its one placeholder (today, China time); null while none
 * has. Caretaking and self-management end on it: before, any acceptance on or after their start ended them, even of
 * a contract that had run out or had not begun.
 */
export const providerServingSince = (period: string) =>
  `(select min(served.since) from (select ${SERVES_FROM} as since from areas.filing_snapshot f
     where f.area_id = ${period}.area_id) served where served.since between ${period}.starts_on and ?::date)`;
