/**
 * SQL over areas.filing_snapshot for the provider of an area. A contract reaching its end date changes no filing's
 * status, so `status = 'ACCEPTED'` alone kept an area served, and a company reading it, for good.
 */

/**
 * Unaliased: an accepted filing whose contract has not ended on the day bound to its placeholder (China time): what a
 * company reads an area under, from the acceptance, so it prepares before the start.
 */
export const CONTRACTED_PROVIDER = `status = 'ACCEPTED' and ends_on >= ?::date`;

/**
 * Unaliased: an accepted filing whose contract runs on the day bound to its placeholder: the area is served that day.
 * A contract accepted now that starts in March does not serve it yet.
 */
export const SERVING_PROVIDER = `status = 'ACCEPTED' and ?::date between starts_on and ends_on`;

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
