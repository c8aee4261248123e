import type { EntityManager } from '@mikro-orm/postgresql';
import { InvalidInputError, NotFoundError } from '../../../kernel/errors';
import { Identity } from '../../../kernel/identity';
import { assertStreetOfficeRole, escalationTargetProblem, mayManageOrder } from '../domain/order';
import { ComplaintOrder } from '../persistence/order.repository';
import { companiesServingOrder } from '../persistence/read-model.repository';
import { readableOrderForUpdate, takeStep } from './order-step';

/** 吹哨: the street office escalates an order to a bureau, with its reason; the bureau then answers it. */
export async function escalateOrder(
  em: EntityManager,
  identity: Identity,
  orderId: string,
  bureauOrganisationId: string,
  reason: string,
): Promise<ComplaintOrder> {
  assertStreetOfficeRole(identity);
  const fields: Record<string, string> = {};
  if (!bureauOrganisationId?.trim()) fields.bureauOrganisationId = 'must name the bureau';
  if (!reason?.trim()) fields.reason = 'an escalation needs its reason';
  if (Object.keys(fields).length > 0) throw new InvalidInputError('The escalation is incomplete', { fields });
  return em.transactional(async (tx) => {
    const order = await readableOrderForUpdate(tx, identity, orderId);
    if (!mayManageOrder(identity, order)) throw new NotFoundError('Hotline order', orderId);
    const companies = await companiesServingOrder(tx, order);
    const problem = escalationTargetProblem(identity, order, bureauOrganisationId.trim(), companies);
    if (problem)
      throw new InvalidInputError('The order cannot be escalated there', { fields: { bureauOrganisationId: problem } });
    return takeStep(
      tx,
      identity,
      order,
      'ESCALATE',
      { responsiblePartyKind: 'BUREAU', partyOrganisationId: bureauOrganisationId.trim() },
      { note: reason.trim() },
    );
  });
}
