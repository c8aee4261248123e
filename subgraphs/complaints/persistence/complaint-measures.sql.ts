import type { EntityManager } from '@mikro-orm/postgresql';
import { sqlRows } from '../../../platform/db/sql';
import { MeasureGroup, OrderCounts } from '../domain/measures';
import { OrderReach } from '../domain/order';

export type { MeasureGroup };

const ORDER_KEY: Record<MeasureGroup, string> = {
  COMPOUND: 'o.compound_id::text',
  COMPANY: "case when o.responsible_party_kind = 'PROPERTY_COMPANY' then o.party_organisation_id end",
  STREET: 'o.street_code',
  CATEGORY: 'o.category_code',
  GOVERNANCE_MODEL: 'c.governance_model',
  ALL: "'ALL'",
};
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
  /** Only orders dispatched to this organisation (a company's record). */
  partyOrganisationId?: string | null;
  receivedFrom?: string | null;
  receivedTo?: string | null;
  asOf: Date;
}

/**
 * Every count of the three rates, repeats and households per group in two set-based statements. A repeat is an
 * order whose caller (keyed hash) already called about the same item at the same compound.
 */
export async function orderCounts(
  em: EntityManager,
  group: MeasureGroup,
  s: MeasureScope,
): Promise<Map<string | null, OrderCounts>> {
  const divisions = `{${s.reach.divisions.map((d) => `${d}%`).join(',')}}`;
  const compounds = s.compoundIds ? `{${s.compoundIds.join(',')}}` : null;
  const rows = await sqlRows<{ key: string | null } & Record<string, number>>(
    em,
    `with o as (
       select o.*, row_number() over (partition by o.caller_key, o.item_code, o.compound_id order by o.received_at, o.order_number) as nth
         from complaints.complaint_order o
        where (?::boolean or o.street_code like any(?::text[]) or o.party_organisation_id = ?)
          and (?::uuid[] is null or o.compound_id = any(?::uuid[]))
          and (?::text is null or o.party_organisation_id = ?)
          and (?::date is null or o.received_at >= ?::date) and (?::date is null or o.received_at < ?::date + 1))
     select ${ORDER_KEY[group]} as key,
            count(*)::int as orders,
            count(*) filter (where o.respond_by < ? or o.responded_at is not null)::int as due,
            count(*) filter (where o.responded_at is not null and o.responded_at <= o.respond_by)::int as in_time,
            count(*) filter (where o.closed_at is not null)::int as closed,
            count(*) filter (where o.closed_at is not null and o.resolved_by_caller)::int as closed_resolved,
            count(*) filter (where o.satisfaction is not null)::int as rated,
            count(*) filter (where o.satisfaction in ('SATISFIED', 'BASICALLY_SATISFIED'))::int as satisfied,
            count(*) filter (where o.caller_key is not null and o.compound_id is not null and o.nth > 1)::int as repeats
       from o left join complaints.compound_view c on c.compound_id = o.compound_id
      group by 1`,
    [
      s.reach.all,
      divisions,
      s.reach.partyOrganisationId ?? '',
      compounds,
      compounds,
      s.partyOrganisationId ?? null,
      s.partyOrganisationId ?? null,
      s.receivedFrom ?? null,
      s.receivedFrom ?? null,
      s.receivedTo ?? null,
      s.receivedTo ?? null,
      s.asOf,
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
      },
    ]),
  );
}
