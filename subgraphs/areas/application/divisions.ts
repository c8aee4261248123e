import type { EntityManager } from '@mikro-orm/postgresql';
import { Identity } from '../../../kernel/identity';
import { DomainError, ForbiddenError } from '../../../kernel/errors';
import { validateDivision } from '../domain/division';
import { Division } from '../persistence/division.entity';

/** Hub administrators maintain the hierarchy; a child needs its parent registered first. */
export async function registerDivision(em: EntityManager, identity: Identity, input: { code: string; name: string }): Promise<Division> {
  if (identity.role !== 'ADMIN') throw new ForbiddenError('Only hub administrators maintain the administrative hierarchy');
  const division = validateDivision(input);
  return em.transactional(async (tx) => {
    if (division.parentCode && !(await tx.findOne(Division, { code: division.parentCode }))) {
      throw new DomainError('UNKNOWN_PARENT_DIVISION', `Register ${division.parentCode} first`);
    }
    if (await tx.findOne(Division, { code: division.code })) throw new DomainError('CONFLICT', `${division.code} is already registered`);
    return tx.create(Division, division);
  });
}
