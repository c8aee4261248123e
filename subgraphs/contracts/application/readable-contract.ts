import type { EntityManager } from '@mikro-orm/postgresql';
import { NotFoundError } from '../../../kernel/errors';
import { Identity } from '../../../kernel/identity';
import { mayReadContract } from '../domain/filing-reviewers';
import { Contract } from '../persistence/contract.entity';
import { findContract } from '../persistence/contract.repository';
import { isReferredToCaller } from './contract.lookup';

/** A contract the caller may read; anything else, including another company's, is NOT_FOUND. */
export async function readableContract(em: EntityManager, identity: Identity, id: string): Promise<Contract> {
  const contract = await findContract(em, id);
  if (!contract || !mayReadContract(identity, contract, contract, await isReferredToCaller(em, identity, contract.id)))
    throw new NotFoundError('Contract', id);
  return contract;
}
