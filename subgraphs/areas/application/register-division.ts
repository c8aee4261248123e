import { areasError } from '../domain/errors';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Identity } from '../../../kernel/identity';
import { DomainError, ForbiddenError } from '../../../kernel/errors';
import { validateDivision } from '../domain/division';
import { AreasErrorCode } from '../domain/errors';
import { Division } from '../persistence/division.entity';
import { findDivision, insertDivision } from '../persistence/division.repository';

/** Hub administrators maintain the hierarchy; a child needs its parent registered first. */
export async function registerDivision(
  em: EntityManager,
  identity: Identity,
  input: { code: string; name: string },
): Promise<Division> {
  if (identity.role !== 'ADMIN')
    throw new ForbiddenError('Only hub administrators maintain the administrative hierarchy');
  const division = validateDivision(input);
  return em.transactional(async (tx) => {
    if (division.parentCode && !(await findDivision(tx, division.parentCode))) {
      throw areasError('UNKNOWN_PARENT_DIVISION' satisfies AreasErrorCode, `Register ${division.parentCode} first`);
    }
    if (await findDivision(tx, division.code))
      throw new DomainError('CONFLICT', `${division.code} is already registered`);
    return insertDivision(tx, division);
  });
}
