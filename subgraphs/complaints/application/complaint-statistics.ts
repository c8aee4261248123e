import type { EntityManager } from '@mikro-orm/postgresql';
import { Identity } from '../../../kernel/identity';
import { MeasureGroup, Measures, measures, noOrderCounts } from '../domain/measures';
import { orderReach, reachCoversStreet, readsOrders } from '../domain/order';
import { orderCounts } from '../persistence/complaint-measures.sql';
import { findCompounds } from '../persistence/read-model.repository';

export interface GroupMeasures extends Measures {
  key: string | null;
  /** CATEGORY: the division whose taxonomy the category is of ('' for the taxonomy of every division). */
  division?: string | null;
}

/** The three rates, repeats and orders per 100 households per group, over the orders the caller may read. */
export async function complaintStatistics(
  em: EntityManager,
  identity: Identity,
  groupBy: MeasureGroup,
  filter: {
    compoundIds?: string[] | null;
    companyOrganisationIds?: string[] | null;
    receivedFrom?: string | null;
    receivedTo?: string | null;
  } = {},
): Promise<GroupMeasures[]> {
  const counts = await orderCounts(em, groupBy, { reach: orderReach(identity), ...filter, asOf: new Date() });
  return [...counts.entries()]
    .map(([key, c]) => ({ ...(groupBy === 'CATEGORY' ? categoryGroupKey(key) : { key }), ...measures(c) }))
    .sort((a, b) => b.orders - a.orders || String(a.key).localeCompare(String(b.key)));
}

/** A CATEGORY group's key, `<division>/<code>`, as the category's code and its division. */
function categoryGroupKey(key: string | null): { key: string | null; division: string | null } {
  const slash = key?.indexOf('/') ?? -1;
  return slash < 0 ? { key, division: null } : { key: key!.slice(slash + 1), division: key!.slice(0, slash) };
}

/**
 * Each compound's measures, in the order asked, all in one count (the compounds of a page resolved together: before,
 * one transaction each, and ten aliases of a thousand compounds held complaints' whole pool); a compound with no
 * order in reach: zero orders over its households as the register has them, where the reader's divisions reach it.
 */
export async function compoundsComplaintStatistics(
  em: EntityManager,
  identity: Identity,
  compoundIds: readonly string[],
): Promise<GroupMeasures[]> {
  const measured = new Map(
    (await complaintStatistics(em, identity, 'COMPOUND', { compoundIds: [...compoundIds] })).map((g) => [g.key, g]),
  );
  const unmeasured = compoundIds.filter((id) => !measured.has(id));
  // Households only where the reader's divisions reach, as counted beside the orders (a company's none: before, it
  // saw a rate beside a compound without orders and none beside one with).
  const reach = orderReach(identity);
  const households = new Map(
    (unmeasured.length > 0 ? await findCompounds(em, unmeasured) : [])
      .filter((c) => reachCoversStreet(reach, c.streetCode))
      .map((c) => [c.compoundId, c.households]),
  );
  return compoundIds.map((id) => measured.get(id) ?? noOrders(id, households.get(id) ?? 0));
}

/** One compound's measures (compoundsComplaintStatistics). */
export async function compoundComplaintStatistics(
  em: EntityManager,
  identity: Identity,
  compoundId: string,
): Promise<GroupMeasures> {
  return (await compoundsComplaintStatistics(em, identity, [compoundId]))[0];
}

const noOrders = (key: string, households: number): GroupMeasures => ({ key, ...measures(noOrderCounts(households)) });

/**
 * Property companies' records beside their filings (issue 18), in the order asked, in one count: the orders
 * dispatched to each as the responsible property company, over the orders the caller may read: a bureau or street
 * office sees those of its jurisdiction, the company its own, an admin all (before, one count per filing, the same
 * company's again for each of its filings in a review queue). Nulls for a role that reads no hotline orders (a court,
 * say), rather than refusing the filing.
 */
export async function companiesComplaintStatistics(
  em: EntityManager,
  identity: Identity,
  companyIds: readonly string[],
  range: { receivedFrom?: string | null; receivedTo?: string | null } = {},
): Promise<(GroupMeasures | null)[]> {
  if (!readsOrders(identity)) return companyIds.map(() => null);
  const groups = await complaintStatistics(em, identity, 'COMPANY', {
    companyOrganisationIds: [...new Set(companyIds)],
    ...range,
  });
  const byCompany = new Map(groups.map((g) => [g.key, g]));
  return companyIds.map((id) => byCompany.get(id) ?? noOrders(id, 0));
}
