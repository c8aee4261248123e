import type { EntityManager } from '@mikro-orm/postgresql';
import { ResponsiblePartyKind } from '../../../catalog';
import { todayInChina } from '../../../kernel/clock';
import { InvalidInputError, NotFoundError } from '../../../kernel/errors';
import { Identity } from '../../../kernel/identity';
import { complaintsError } from '../domain/errors';
import { assertStreetOfficeRole, dispatchedCompany, mayManageOrder, namedPartyProblem } from '../domain/order';
import { ComplaintOrder } from '../persistence/order.repository';
import { companiesServingOrder, findCompound } from '../persistence/read-model.repository';
import { itemOfDivision } from '../persistence/taxonomy.repository';
import { readableOrderForUpdate, takeStep } from './order-step';

/**
 * 吹哨报到, first step: the street office dispatches a matched order to the party the taxonomy names for the
 * compound's governance model. A property company is the one with the accepted filing in force over the compound
 * on the day the order was received (named by the hub; a named one must be it); property-rights units, a residents'
 * council or a bureau must be named by the street office (the hub holds no register of them); the street's own service
 * centre defaults to the caller.
 */
export async function dispatchOrder(
  em: EntityManager,
  identity: Identity,
  orderId: string,
  partyOrganisationId?: string | null,
  note?: string | null,
): Promise<ComplaintOrder> {
  assertStreetOfficeRole(identity);
  return em.transactional(async (tx) => {
    const order = await readableOrderForUpdate(tx, identity, orderId);
    if (!mayManageOrder(identity, order)) throw new NotFoundError('Hotline order', orderId);
    const compound = order.compoundId ? await findCompound(tx, order.compoundId) : undefined;
    if (!compound)
      throw complaintsError('INVALID_ORDER_TRANSITION', 'Match the order to a compound before dispatching it', {
        from: order.status,
        to: 'DISPATCHED',
      });
    // Under the taxonomy it was received under, as the item stands now for the day received.
    const item = await itemOfDivision(
      tx,
      order.taxonomyDivision,
      order.categoryCode,
      order.itemCode,
      todayInChina(order.receivedAt),
    );
    if (!item)
      throw complaintsError(
        'UNKNOWN_COMPLAINT_ITEM',
        `The taxonomy no longer holds ${order.categoryCode}/${order.itemCode}`,
      );
    const kind: ResponsiblePartyKind = item.responsible[compound.governanceModel];
    const party = await responsibleOrganisation(tx, identity, order, kind, partyOrganisationId?.trim() || null);
    const company = dispatchedCompany(kind, party);
    return takeStep(
      tx,
      identity,
      order,
      'DISPATCH',
      {
        responsiblePartyKind: kind,
        partyOrganisationId: party,
        companyOrganisationId: company,
        // another company's response is not this one's
        companyRespondedAt: company === order.companyOrganisationId ? order.companyRespondedAt : null,
      },
      { note: note ?? null },
    );
  });
}

async function responsibleOrganisation(
  tx: EntityManager,
  identity: Identity,
  order: ComplaintOrder,
  kind: ResponsiblePartyKind,
  named: string | null,
): Promise<string> {
  switch (kind) {
    case 'PROPERTY_COMPANY': {
      // Serving on the day the order was received, not the day dispatched (companiesServingOrder).
      const companies = await companiesServingOrder(tx, order);
      if (named && companies.includes(named)) return named;
      if (!named && companies.length === 1) return companies[0];
      throw complaintsError(
        'NO_RESPONSIBLE_PARTY',
        named
          ? 'The company named has no accepted filing in force over the compound'
          : 'No single company has an accepted filing in force over the compound',
        {
          kind,
          companiesInForce: companies.length,
        },
      );
    }
    case 'STREET_SERVICE_CENTRE':
      return named ?? identity.organisationId;
    default: {
      if (!named)
        throw new InvalidInputError(`Name the ${kind.toLowerCase().replace(/_/g, ' ')} the order goes to`, {
          fields: { partyOrganisationId: `required for ${kind}` },
        });
      const companies = await companiesServingOrder(tx, order);
      const problem = namedPartyProblem(identity, order, kind, named, companies);
      if (problem)
        throw new InvalidInputError('The order cannot be dispatched there', {
          fields: { partyOrganisationId: problem },
        });
      return named;
    }
  }
}
