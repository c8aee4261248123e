import type { EntityManager } from '@mikro-orm/postgresql';
import { InvalidInputError, NotFoundError } from '../../../kernel/errors';
import { Identity } from '../../../kernel/identity';
import { isAnsweringParty } from '../domain/order';
import { ComplaintOrder } from '../persistence/order.repository';
import { readableOrderForUpdate, takeStep } from './order-step';

export const ANSWER_STEPS = ['ACCEPT', 'VISIT', 'RESOLVE'] as const;
export type AnswerStep = (typeof ANSWER_STEPS)[number];

/** 报到: the party the order was dispatched or escalated to accepts it, visits, resolves it, with notes and evidence hashes. */
export async function answerOrder(
  em: EntityManager,
  identity: Identity,
  input: { orderId: string; step: AnswerStep; note?: string | null; evidenceSha256?: string[] | null },
): Promise<ComplaintOrder> {
  const evidence = input.evidenceSha256 ?? [];
  if (evidence.length > 20 || evidence.some((h) => !/^[0-9a-f]{64}$/.test(h))) {
    throw new InvalidInputError('Evidence is named by SHA-256', {
      fields: { evidenceSha256: 'at most 20 lowercase hex SHA-256 digests' },
    });
  }
  return em.transactional(async (tx) => {
    const order = await readableOrderForUpdate(tx, identity, input.orderId);
    if (!isAnsweringParty(identity, order)) throw new NotFoundError('Hotline order', input.orderId);
    const now = new Date();
    const changes: Partial<ComplaintOrder> =
      input.step === 'ACCEPT'
        ? {
            respondedAt: order.respondedAt ?? now,
            // the company's own response, for its record; a bureau's acceptance after an escalation is not it
            companyRespondedAt:
              identity.organisationId === order.companyOrganisationId
                ? (order.companyRespondedAt ?? now)
                : order.companyRespondedAt,
          }
        : input.step === 'RESOLVE'
          ? { resolvedAt: now }
          : {};
    return takeStep(tx, identity, order, input.step, changes, {
      note: input.note ?? null,
      evidenceSha256: evidence,
      at: now,
    });
  });
}
