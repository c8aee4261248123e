import type { EntityManager } from '@mikro-orm/postgresql';
import { NotFoundError } from '../../../kernel/errors';
import { Identity } from '../../../kernel/identity';
import { mayReadContract } from '../domain/filing-reviewers';
import { Filing } from '../persistence/filing.entity';
import { findFiling } from '../persistence/filing.repository';
import { isReferredToCaller } from './contract.lookup';

/** A filing the caller may read (as it may read the filing's contract); anything else is NOT_FOUND. */
export async function readableFiling(em: EntityManager, identity: Identity, id: string): Promise<Filing> {
  const filing = await findFiling(em, id);
  if (!filing || !mayReadContract(identity, filing, filing, await isReferredToCaller(em, identity, filing.contractId)))
    throw new NotFoundError('Filing', id);
  return filing;
}
