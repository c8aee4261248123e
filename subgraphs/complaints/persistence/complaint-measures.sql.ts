import type { EntityManager } from '@mikro-orm/postgresql';
import { chinaDayStart, sqlArray, sqlRows, sqlRun } from '../../../platform/db/sql';
import { MeasureGroup, OrderCounts } from '../domain/measures';
import { OrderReach } from '../domain/order';
import { divisionPatterns, orderReachSql } from './order.repository';

export type { MeasureGroup };

/** The group of an order, from the order itself; a governance model comes from the compound, joined after counting. */
const ORDER_KEY: Record<MeasureGroup, string> = {
  COMPOUND: 'o.compound_id::text',
  // The company it was dispatched to, escalated since or not (ComplaintOrder.companyOrganisationId); null for the
  // orders of no company (a service centre's, a bureau's, property-rights units', or not dispatched yet).
  COMPANY: 'o.company_organisation_id',
  STREET: 'o.street_code',
  // A category is its division's (each division keeps its own taxonomy): `<division>/<code>` (categoryGroupKey).
  CATEGORY: "o.taxonomy_division || '/' || o.category_code",
  GOVERNANCE_MODEL: 'null::text',
  ALL: "'ALL'",
};
const GROUP_KEY: Partial<Record<MeasureGroup, string>> = { GOVERNANCE_MODEL: 'c.governance_model' };
/** Households are counted where the group is made of compounds; a company's or category's orders have none. */
const HOUSEHOLD_KEY: Partial<Record<MeasureGroup, string>> = {
  COMPOUND: 'c.compound_id::text',
  STREET: 'c.street_code',
  GOVERNANCE_MODEL: 'c.governance_model',
  ALL: "'ALL'",
};

export interface MeasureScope {
  reach: OrderReach;
  compoundIds?: string[] | null;
  /** Only orders dispatched to these companies, escalated since or not (companies' records). */
  companyOrganisationIds?: string[] | null;
  receivedFrom?: string | null;
  receivedTo?: string | null;
  asOf: Date;
}

/**
 * Every count of the three rates, repeats and households per group in two set-based statements, each a single pass
 * of hash aggregates (no sort, no window: the city's rates over a million orders). A repeat is an order whose caller
 * (keyed hash) already called about the same item (of the same category) at the same compound among the group's
 * orders: every order of a (caller, category, item, compound) after the first. A compound, street, governance model or
 * category holds each such set whole; a company's repeats are those among the orders dispatched to it. An order is
 * due for a response once answered or past its deadline, except one a backfill wrote already past it: the file
 * carries no answers, so its outcome is not known (before, a street's imported history was all unanswered). A
 * company's response (companyResponse) is its own, over the orders it held at their deadline. A copy the hotline
 * re-routed to another street (REROUTED) counts nowhere: the other street's copy is the order.
 */
export function orderCounts(
  em: EntityManager,
  group: MeasureGroup,
  s: MeasureScope,
): Promise<Map<string | null, OrderCounts>> {
  // A city's (caller, item, compound) sets fit in memory: with PostgreSQL's default 4 MB per operation the planner
  // sorts them on disk instead (twice the time on a million orders); JIT compiling costs more than it saves here.
  return em.transactional(async (tx) => {
    await sqlRun(tx, `set local work_mem = '${MEASURES_WORK_MEM}'`);
    await sqlRun(tx, 'set local jit = off');
    return countOrders(tx, group, s);
  });
}

const MEASURES_WORK_MEM = '64MB';

/**
 * A company's response, for its record and the COMPANY groups: its own acceptance (company_responded_at; not a
 * bureau's after an escalation), over the orders it held at their respondBy: it got the order by then
 * (company_dispatched_at) and had not lost it unanswered before (company_released_at, companyHold). An order that
 * reached it after the deadline had passed at the street office, or that the street office escalated away before
 * it, was never the company's to answer in time: before, both were its late responses (a complaints audit, 2026-12-07). The
 * orders of no company (the null COMPANY group) keep their answering party's response, as in every other grouping:
 * that group is the street's own service centre's, the bureaus' and the rights units' orders, and before it showed
 * 0 % whoever answered them, since no company's response was ever recorded on them.
 */
const COMPANY_RESPONSE = {
  responded: 'case when o.company_organisation_id is null then o.responded_at else o.company_responded_at end',
  counted: `(o.company_organisation_id is null or (o.company_dispatched_at <= o.respond_by
             and (o.company_released_at is null or o.company_released_at >= o.respond_by)))`,
};

async function countOrders(
  em: EntityManager,
  group: MeasureGroup,
  s: MeasureScope,
): Promise<Map<string | null, OrderCounts>> {
  const divisions = divisionPatterns(s.reach);
  const compounds = s.compoundIds ? sqlArray(s.compoundIds) : null;
  const companies = s.companyOrganisationIds ? sqlArray(s.companyOrganisationIds) : null;
  const [reachWhere, reachParams] = orderReachSql(s.reach, 'o');
  const { responded, counted } =
    group === 'COMPANY' || s.companyOrganisationIds
      ? COMPANY_RESPONSE
      : { responded: 'o.responded_at', counted: 'true' };
  const rows = await sqlRows<{ key: string | null } & Record<string, number>>(
    em,
    `with g as (
       select ${ORDER_KEY[group]} as key, o.caller_key, o.compound_id,
              count(*) as n,
              count(*) filter (where ${counted} and (${responded} is not null
                or (o.respond_by < ? and (o.backfilled_at is null or o.respond_by >= o.backfilled_at)))) as due,
              count(*) filter (where ${counted} and ${responded} is not null and ${responded} <= o.respond_by) as in_time,
              count(*) filter (where o.compound_id is not null and (?::boolean or o.street_code like any(?::text[]))) as of_households,
              count(*) filter (where o.closed_at is not null) as closed,
              count(*) filter (where o.closed_at is not null and o.resolved_by_caller) as closed_resolved,
              count(*) filter (where o.satisfaction is not null) as rated,
              count(*) filter (where o.satisfaction in ('SATISFIED', 'BASICALLY_SATISFIED')) as satisfied
         from complaints.complaint_order o
        where ${reachWhere} and o.status <> 'REROUTED'
          and (?::uuid[] is null or o.compound_id = any(?::uuid[]))
          and (?::text[] is null or o.company_organisation_id = any(?::text[]))
          and (?::date is null or o.received_at >= ${chinaDayStart()}) and (?::date is null or o.received_at < ${chinaDayStart('next')})
        group by 1, o.caller_key, o.category_code, o.item_code, o.compound_id)
     select ${GROUP_KEY[group] ?? 'g.key'} as key, sum(n)::int as orders, sum(due)::int as due, sum(in_time)::int as in_time, sum(of_households)::int as of_households,
            sum(closed)::int as closed,
            sum(closed_resolved)::int as closed_resolved, sum(rated)::int as rated, sum(satisfied)::int as satisfied,
            coalesce(sum(n - 1) filter (where g.caller_key is not null and g.compound_id is not null), 0)::int as repeats
       from g left join complaints.compound_view c on c.compound_id = g.compound_id
      group by 1`,
    [
      s.asOf,
      // the orders of the households counted below: those of a compound (an address in none, a bungalow lane, is
      // nobody's household: before, a street's unmatched orders raised its compounds' rate) in the reader's divisions
      s.reach.all,
      divisions,
      ...reachParams,
      compounds,
      compounds,
      companies,
      companies,
      s.receivedFrom ?? null,
      s.receivedFrom ?? null,
      s.receivedTo ?? null,
      s.receivedTo ?? null,
    ],
  );
  const households = new Map<string | null, number>();
  const householdKey = HOUSEHOLD_KEY[group];
  if (householdKey && (s.reach.all || s.reach.divisions.length > 0)) {
    const counted = await sqlRows<{ key: string; households: number }>(
      em,
      `select ${householdKey} as key, coalesce(sum(b.households), 0)::int as households
         from complaints.compound_view c left join complaints.building_view b on b.compound_id = c.compound_id
        where (?::boolean or c.street_code like any(?::text[])) and (?::uuid[] is null or c.compound_id = any(?::uuid[]))
        group by 1`,
      [s.reach.all, divisions, compounds, compounds],
    );
    for (const r of counted) households.set(r.key, r.households);
  }
  return new Map(
    rows.map((r) => [
      r.key,
      {
        orders: r.orders,
        dueForResponse: r.due,
        respondedInTime: r.in_time,
        closed: r.closed,
        closedResolved: r.closed_resolved,
        rated: r.rated,
        satisfied: r.satisfied,
        repeats: r.repeats,
        households: r.key === null ? 0 : (households.get(r.key) ?? 0),
        ordersOfHouseholds: r.key === null ? 0 : r.of_households,
      },
    ]),
  );
}
