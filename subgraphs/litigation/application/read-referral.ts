import type { EntityManager } from '@mikro-orm/postgresql';
import { NotFoundError } from '../../../kernel/errors';
import { Identity } from '../../../kernel/identity';
import { mayReadReferral } from '../domain/access';
import { Referral } from '../domain/referral';
import { findReferral } from '../persistence/referral.repository';

/** One referral the caller may read; NOT_FOUND for anyone else, as for a referral that does not exist. */
export async function readReferral(em: EntityManager, identity: Identity, id: string): Promise<Referral> {
  const referral = await findReferral(em, id);
  if (!referral || !mayReadReferral(identity, referral)) throw new NotFoundError('Referral', id);
  return referral;
}
