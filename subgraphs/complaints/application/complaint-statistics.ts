import type { EntityManager } from '@mikro-orm/postgresql';
import { Identity } from '../../../kernel/identity';
import { MeasureGroup, Measures, measures } from '../domain/measures';
import { orderReach, readsOrders } from '../domain/order';
import { orderCounts } from '../persistence/complaint-measures.sql';
import { findCompound } from '../persistence/read-model.repository';

export interface GroupMeasures extends Measures {
  key: string | null;
}

/** The three rates, repeats and orders per 100 households per group, over the orders the caller may read. */
export async function complaintStatistics(
  em: EntityManager,
  identity: Identity,
  groupBy: MeasureGroup,
  filter: {
    compoundIds?: string[] | null;
    companyOrganisationId?: string | null;
    receivedFrom?: string | null;
    receivedTo?: string | null;
  } = {},
): Promise<GroupMeasures[]> {
  const counts = await orderCounts(em, groupBy, { reach: orderReach(identity), ...filter, asOf: new Date() });
  return [...counts.entries()]
    .map(([key, c]) => ({ key, ...measures(c) }))
    .sort((a, b) => b.orders - a.orders || String(a.key).localeCompare(String(b.key)));
}

/** One compound's measures; with no order in reach, zero orders over the compound's households as the register has them. */
export async function compoundComplaintStatistics(
  em: EntityManager,
  identity: Identity,
  compoundId: string,
): Promise<GroupMeasures> {
  const [measured] = await complaintStatistics(em, identity, 'COMPOUND', { compoundIds: [compoundId] });
  if (measured) return measured;
  return noOrders(compoundId, (await findCompound(em, compoundId))?.households ?? 0);
}

const noOrders = (key: string, households: number): GroupMeasures => ({
  key,
  ...measures({
    orders: 0,
    dueForResponse: 0,
    respondedInTime: 0,
    closed: 0,
    closedResolved: 0,
    rated: 0,
    satisfied: 0,
    repeats: 0,
    households,
  }),
});

/**
 * A property company's record beside its filings (issue 18): the orders dispatched to it as the responsible property
 * company, over the orders the caller may read: a bureau or street office sees those of its jurisdiction, the company
 * its own, an admin all. Null for a role that reads no hotline orders (a court, say), rather than refusing the filing.
 */
export async function companyComplaintStatistics(
  em: EntityManager,
  identity: Identity,
  companyId: string,
  range: { receivedFrom?: string | null; receivedTo?: string | null } = {},
): Promise<GroupMeasures | null> {
  if (!readsOrders(identity)) return null;
  const groups = await complaintStatistics(em, identity, 'COMPANY', { companyOrganisationId: companyId, ...range });
  return groups.find((g) => g.key === companyId) ?? noOrders(companyId, 0);
}
